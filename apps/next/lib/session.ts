import 'server-only';

export interface Session {
  userId: string;
}

/**
 * Your app's own session check goes here: Auth.js `auth()`, Clerk's `auth()`, iron-session, a
 * lookup of your session cookie. The token endpoint asks it before minting anything, so only a
 * signed-in user of your app can make the server spend a Flinks token.
 *
 * This example has no sign-in, so every visitor has a session.
 */
export async function getSession(_request: Request): Promise<Session | null> {
  return { userId: 'example-user' };
}
