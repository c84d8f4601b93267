import Link from 'next/link';
import { withConnectTarget } from '../../lib/connect-page';
import { mintFirstToken } from '../../lib/first-token';
import { LinkBankAccount } from '../link-bank-account';

/**
 * The first token from the server: minted per request while this page renders, so the iframe
 * is in the HTML and hydration adopts it. Rendered per user and per request (`connection()` in
 * withConnectTarget makes it dynamic; Next.js sends it `Cache-Control: private, no-cache,
 * no-store, max-age=0, must-revalidate`): a cached copy would carry a spent token.
 */
export default async function FirstTokenFromTheServer() {
  return (
    <>
      <h1>Link your bank account</h1>
      <p>
        This page mints the first token on the server, so Connect starts loading with the page.{' '}
        <Link href="/">The same without it</Link>.
      </p>
      {await withConnectTarget(async (target) => (
        <LinkBankAccount
          target={target}
          params={{ demo: true, language: 'en', consentEnable: true }}
          initialToken={await mintFirstToken()}
        />
      ))}
    </>
  );
}
