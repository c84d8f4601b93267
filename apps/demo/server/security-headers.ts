/**
 * The Content-Security-Policy of the built app. It shows what flinks-embed asks of a host page:
 * nothing beyond `frame-src` for the Connect origin (and `connect-src` for its own token
 * endpoint, which `'self'` covers). `'self'` in `frame-src` is for the `redirectUrl` page that
 * Connect opens inside its iframe at the end of the flow.
 */
export function contentSecurityPolicy(connectOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    `frame-src ${connectOrigin} 'self'`,
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join('; ');
}

/** Headers for every response of the built app. */
export function securityHeaders(connectOrigin: string, contentType: string): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    ...(contentType.startsWith('text/html')
      ? { 'Content-Security-Policy': contentSecurityPolicy(connectOrigin) }
      : {}),
  };
}
