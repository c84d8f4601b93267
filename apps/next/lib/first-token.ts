import 'server-only';
import { createFlinksClient, type AuthorizeToken } from '@flinks-embed/server';
import { headers } from 'next/headers';
import { readFlinksClientOptions } from './flinks-config';
import { getSession } from './session';

/**
 * The first authorize token, minted while the page renders, for `<FlinksConnect initialToken>`:
 * the iframe is then in the server's HTML and Connect loads while the app's JavaScript is still
 * on its way. A token is spent on every call, so only a page rendered per user and per request
 * may call this (never a statically generated or cached one), and only behind the app's own
 * session check, like the token route. `null` when there is no session or the mint fails: the
 * client then asks the token route, as without a first token.
 */
export async function mintFirstToken(): Promise<AuthorizeToken | null> {
  // The same check as the token route's `allowRequest`, on this request's headers.
  const request = new Request('http://localhost/', { headers: await headers() });
  if (!(await getSession(request))) return null;
  try {
    const { token, expiresIn, expiresAt } =
      await createFlinksClient(readFlinksClientOptions()).generateAuthorizeToken();
    return { token, expiresIn, expiresAt };
  } catch (error) {
    // The error's name and code only: never a value that could be a secret or a token.
    const { name, code } = error as { name?: string; code?: string };
    console.error(
      `[flinks] the first token was not minted (${name ?? 'Error'}${code ? `: ${code}` : ''}); the page fetches one.`,
    );
    return null;
  }
}
