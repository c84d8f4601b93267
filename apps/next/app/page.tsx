import Link from 'next/link';
import { withConnectTarget } from '../lib/connect-page';
import { LinkBankAccount } from './link-bank-account';

// A server component: it reads the environment at request time and renders the client
// component, which the server renders as its loading state (no token is fetched on the server).
export default async function Home() {
  return (
    <>
      <h1>Link your bank account</h1>
      <p>
        Connect runs in the iframe below and reports the result to this page.{' '}
        <Link href="/redirect">Try the redirect mode</Link>, where Connect sends the whole page to a landing
        page instead, or <Link href="/first-token">Connect in the server&apos;s HTML</Link>, where the server
        mints the first token while it renders the page.
      </p>
      {await withConnectTarget((target) => (
        <LinkBankAccount target={target} params={{ demo: true, language: 'en', consentEnable: true }} />
      ))}
    </>
  );
}
