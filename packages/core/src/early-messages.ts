// Messages that reach the page before the app has hydrated. With a server-rendered first token,
// Connect loads with the HTML and usually posts APP_MOUNTED (or TOKEN_INVALID, for a spent token)
// before the app's JavaScript runs: a listener attached at hydration would never hear them.

const KEY = '__flinksEarlyMessages';

/**
 * An inline script a server renders before a server-rendered Connect iframe: it keeps every
 * `message` event until the first session starts. Once per page, whatever the number of frames;
 * it reads and sends nothing. Give it your CSP nonce (`script-src 'nonce-...'`).
 */
export const EARLY_MESSAGES_SCRIPT = `self.${KEY}||(self.${KEY}=[],addEventListener("message",function(e){var q=self.${KEY};q.done||q.push(e)}))`;

/**
 * The messages kept so far, for a session adopting a server-rendered iframe to replay (each checks
 * the sender as usual). `undefined` when the script did not run (a CSP without its nonce): the
 * session then cannot know what Connect said before it listened. Keeping stops at the first call.
 */
export function takeEarlyMessages(): MessageEvent[] | undefined {
  const kept = (globalThis as { [KEY]?: MessageEvent[] & { done?: boolean } })[KEY];
  if (kept) kept.done = true;
  return kept;
}
