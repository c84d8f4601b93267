// Messages that reach the page before the app has hydrated. With a server-rendered first token,
// Connect loads with the HTML and usually posts APP_MOUNTED (or TOKEN_INVALID, for a spent token)
// before the app's JavaScript runs: a listener attached at hydration would never hear them.

/**
 * An inline script a server renders before a server-rendered Connect iframe: it keeps every
 * `message` event in `self.__flinksEarly` until the first session starts. Once per page, whatever
 * the number of frames; it reads and sends nothing. Give it your CSP nonce (`script-src
 * 'nonce-...'`). (A plain literal, with no substitution, so that bundles which do not render it
 * drop it.)
 */
export const EARLY_MESSAGES_SCRIPT =
  'self.__flinksEarly||(self.__flinksEarly=[],addEventListener("message",function(e){var q=self.__flinksEarly;q.done||q.push(e)}))';

/**
 * The messages kept so far, for the session adopting a server-rendered iframe to replay (it checks
 * each sender as usual). Once per page: the first session to start takes them and keeping stops,
 * so a later session (a client-side navigation) never hears another page's Connect. `undefined`
 * after that, or when the script did not run (a CSP without its nonce): the session then cannot
 * know what Connect said before it listened.
 */
export function takeEarlyMessages(): MessageEvent[] | undefined {
  const kept = (globalThis as { __flinksEarly?: MessageEvent[] & { done?: boolean } }).__flinksEarly;
  if (!kept || kept.done) return;
  kept.done = true;
  return kept;
}
