/**
 * Whether a browser request comes from the deployment's own origin: the host the browser asked
 * for (`X-Forwarded-Host` behind a proxy, else `Host`), never `request.url`'s host when a `Host`
 * header exists. A URL built from the request target turns `POST //evil.example/x` into
 * `evil.example`; the headers cannot be bent that way. Trusting them is safe here: this check stops
 * other sites from calling the endpoint through a user's browser, and a browser cannot set them on
 * a cross-site request without a preflight, which the handler refuses. The scheme is not compared
 * with the headers: a TLS proxy in front hides it.
 */
export function isSameOrigin(request: Request, origin: string): boolean {
  let originUrl: URL;
  try {
    originUrl = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file:) and garbage are never the same origin.
  }
  if (originUrl.origin === 'null') return false;
  const hosts = [request.headers.get('x-forwarded-host'), request.headers.get('host')].flatMap((value) =>
    value === null ? [] : value.split(','),
  );
  if (hosts.length > 0)
    return hosts.some((host) => normalizeHost(host, originUrl.protocol) === originUrl.host);
  // No Host header: a Request the runtime built itself, whose URL is the deployment's.
  try {
    return new URL(request.url).origin === originUrl.origin;
  } catch {
    return false;
  }
}

const HOST = /^(?:[a-z0-9._~-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;

/** `App.Example:443` -> `app.example` for https; `undefined` for anything that is not a host. */
function normalizeHost(host: string, protocol: string): string | undefined {
  const trimmed = host.trim();
  if (!HOST.test(trimmed)) return undefined; // "a@b", "b/c", "": no userinfo, path or emptiness.
  try {
    return new URL(`${protocol}//${trimmed}`).host;
  } catch {
    return undefined;
  }
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
