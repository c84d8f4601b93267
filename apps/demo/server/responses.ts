/** JSON answers of the demo's own routes: never cached, as everything under /api. */
export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers },
  });

export const error = (status: number, message: string, headers?: Record<string, string>): Response =>
  json(status, { error: message }, headers);

/**
 * Whether a request comes from a page of this server's own origin. Browsers send `Sec-Fetch-Site`,
 * and `Origin` on every POST made with fetch, so a page elsewhere cannot use this endpoint through
 * a visitor's browser. (The token endpoint does the same check itself.)
 */
export function isSameOrigin(request: Request): boolean {
  const site = request.headers.get('sec-fetch-site');
  if (site !== null) return site === 'same-origin';
  const origin = request.headers.get('origin');
  return origin !== null && URL.canParse(origin) && new URL(origin).host === new URL(request.url).host;
}
