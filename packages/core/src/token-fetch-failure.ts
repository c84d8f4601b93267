// Development only: what a rejection of `fetchAuthorizeToken` means, for the app's developer.
//
// The token endpoint's answers that say it is set up wrong (`createAuthorizeTokenHandler`'s
// `server_not_configured`, `origin_not_allowed`, `method_not_allowed`: `<what>_not_<state>`) come
// as the rejection's `code` from the README's fetcher; token-source.ts does not retry them, as no
// retry can change them. Transient answers (`flinks_unavailable`, a network error) are retried.

const FIXES: Record<string, string> = {
  server_not_configured:
    'a FLINKS_* variable (FLINKS_INSTANCE, FLINKS_CUSTOMER_ID or FLINKS_SECRET_KEY) is missing where the token endpoint runs; its log names which. Set it and restart the server',
  origin_not_allowed:
    "the token endpoint refused this page's origin: list it in createAuthorizeTokenHandler's allowedOrigins, or serve the page from the endpoint's origin",
  method_not_allowed: 'the token endpoint takes POST only: call it with { method: "POST" }',
};

/** Development only: what the rejection means, finishing "fetchAuthorizeToken rejected ...". */
export function explainRejection(cause: unknown): string {
  if (!(cause instanceof Error)) {
    return ` with ${cause === null ? 'null' : `a ${typeof cause}`}, not an Error`;
  }
  const code = (cause as { code?: unknown }).code;
  if (typeof code === 'string' && code in FIXES) {
    return `: your token endpoint answered ${code}: ${FIXES[code]} (not retried: trying again cannot fix it)`;
  }
  if (cause.name === 'SyntaxError') {
    return (
      ': your token endpoint answered something that is not JSON (an HTML page, most likely: a 404 or an' +
      ' error page). Check the endpoint URL, and that the route exists on the server that serves it'
    );
  }
  return '';
}
