import { headers } from 'next/headers';
import { withConnectTarget } from '../../lib/connect-page';
import { LinkBankAccount } from '../link-bank-account';

/** This app's own origin, as the browser sees it (behind a proxy, from its forwarded headers). */
async function appOrigin(): Promise<string> {
  const request = await headers();
  const host = request.get('x-forwarded-host') ?? request.get('host') ?? 'localhost';
  const protocol = request.get('x-forwarded-proto') ?? (host.startsWith('localhost') ? 'http' : 'https');
  return `${protocol}://${host}`;
}

// The redirect mode without `innerRedirect`: after the last step Connect navigates the whole
// page to `redirectUrl`, with the result in its query (read by app/connected/page.tsx).
export default async function RedirectMode() {
  const redirectUrl = new URL('/connected', await appOrigin()).href;
  return (
    <>
      <h1>Link your bank account</h1>
      <p>When you are done, Connect takes this page to {redirectUrl}.</p>
      {await withConnectTarget((target) => (
        <LinkBankAccount
          target={target}
          params={{ demo: true, language: 'en', consentEnable: true, redirectUrl, innerRedirect: false }}
        />
      ))}
    </>
  );
}
