/**
 * Whether a browser request comes from the page's own origin. Behind a proxy, `request.url` may
 * carry an internal host or scheme, so the host the browser used (`Host`, `X-Forwarded-Host`)
 * counts too. Trusting those headers is safe here: this check stops other sites from calling the
 * endpoint through a user's browser, and a browser cannot set them on a cross-site request without
 * a preflight, which the handler refuses.
 */
export function isSameOrigin(request: Request, origin: string): boolean {
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage are never the same origin.
  }
  try {
    if (new URL(request.url).origin === originUrl.origin) return true;
  } catch {
    // A relative or odd request.url: fall back to the headers.
  }
  const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host')]
    .flatMap((value) => (value === null ? [] : value.split(',')))
    .map((value) => value.trim().toLowerCase());
  return hosts.includes(originUrl.host);
}

/** `https://app.example/` -> `https://app.example`; `undefined` for anything that is not just an origin. */
export function normalizeOrigin(origin: string): string | undefined {
  try {
    const url = new URL(origin);
    if (url.origin === 'null' || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
      return undefined;
    return url.origin;
  } catch {
    return undefined;
  }
}
