import { connection } from 'next/server';
import { connectUrl, flinks } from './flinks';
import { LinkBankAccount } from './link-bank-account';

/**
 * The first token minted while the page renders, per request (`connection()`: never prerendered;
 * Next.js sends `Cache-Control: private, no-cache, no-store`), so the iframe is in the HTML.
 */
export default async function Page() {
  await connection();
  const { token, expiresIn, expiresAt } = await flinks().generateAuthorizeToken();
  return (
    <>
      <h1>Link your bank account</h1>
      <LinkBankAccount connectUrl={connectUrl()} initialToken={{ token, expiresIn, expiresAt }} />
    </>
  );
}
