import type { RedirectDetails } from '@flinks-embed/react';

/**
 * The result Connect appended to `redirectUrl` when it navigated the whole page there (the
 * redirect mode without `innerRedirect`): `?loginId=…&institution=…&accountId=…`. `null` when the
 * URL has no `loginId`, e.g. a visitor who opened the page by hand.
 *
 * The one place that parses it: swap the body for core's `readConnectRedirect(url)` once it exists.
 */
export function readRedirectResult(url: string | URL): RedirectDetails | null {
  const query = new URL(url).searchParams;
  const loginId = query.get('loginId');
  if (!loginId) return null;
  const result: RedirectDetails = { loginId, institution: query.get('institution') ?? '' };
  for (const key of ['requestId', 'accountId', 'tag'] as const) {
    const value = query.get(key);
    if (value) result[key] = value;
  }
  return result;
}
