import type { FlinksClient } from './client';
import { FlinksApiError, FlinksConfigError } from './errors';
import { isSameOrigin, normalizeOrigin } from './request-origin';

/** A fetch-style route handler: Next.js route handlers, Remix, Hono, Bun, Deno, Workers. */
export type FetchHandler = (request: Request) => Promise<Response>;

export interface AuthorizeTokenHandlerOptions {
  /**
   * Your own check that this caller may get a token (a session cookie, a CSRF token…). `false`
   * answers 401; return a Response to answer with it instead (e.g. a 403). Runs after the origin
   * check, before Flinks is called.
   */
  readonly allowRequest?: (request: Request) => boolean | Response | Promise<boolean | Response>;
  /**
   * Other origins whose pages may call this endpoint (CORS), like `https://app.example`. The
   * endpoint's own origin is always allowed; every other origin is refused with 403.
   */
  readonly allowedOrigins?: readonly string[];
  /**
   * Request headers a page of an allowed origin may send (CORS preflight), for example the
   * `authorization` or CSRF header your `allowRequest` reads. Default: only `content-type`. The
   * endpoint itself reads no header but `Origin`, so a preflight never allows more than this.
   */
  readonly allowedHeaders?: readonly string[];
  /**
   * Called with every failure the response does not detail: a FlinksApiError or a
   * FlinksConfigError (their messages, fields and causes are safe to log), or whatever
   * `allowRequest` threw. Default: one `console.error` line per failure.
   */
  readonly onError?: (error: unknown) => void;
}

const JSON_HEADERS = {
  'Content-Type': 'application/json; charset=utf-8',
  // A token is single-use: no cache, shared or private, may keep one.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  Vary: 'Origin',
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { ...JSON_HEADERS, ...headers } });
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/** One line, with what to fix: the library's errors say it all in their message. */
function logError(error: unknown): void {
  if (error instanceof FlinksApiError || error instanceof FlinksConfigError) {
    console.error(`[flinks-embed] authorize token endpoint: ${error.name}: ${error.message}`);
  } else {
    console.error('[flinks-embed] authorize token endpoint:', error);
  }
}

/**
 * The endpoint your front end's `fetchAuthorizeToken` calls: `POST` only, answers
 * `{ token, expiresIn, expiresAt }` (seconds left, and epoch ms) with `Cache-Control: no-store`. On failure it answers a short
 * code and never Flinks' details: `405 method_not_allowed`, `403 origin_not_allowed`,
 * `401 unauthorized`, `500 allow_request_failed`, `500 server_not_configured` (a FLINKS_*
 * variable is missing), `502 flinks_unavailable`.
 */
export function createAuthorizeTokenHandler(
  client: Pick<FlinksClient, 'generateAuthorizeToken'>,
  options: AuthorizeTokenHandlerOptions = {},
): FetchHandler {
  const { allowRequest, onError = logError } = options;
  const allowedHeaders = (options.allowedHeaders ?? ['content-type']).map((name) => {
    if (!HEADER_NAME.test(name)) {
      throw new FlinksConfigError(
        `createAuthorizeTokenHandler: allowedHeaders entries must be header names like "authorization"; got "${name}".`,
      );
    }
    return name.toLowerCase();
  });
  const allowedOrigins = new Set(
    (options.allowedOrigins ?? []).map((origin) => {
      const normalized = normalizeOrigin(origin);
      if (normalized === undefined) {
        throw new FlinksConfigError(
          `createAuthorizeTokenHandler: allowedOrigins entries must be origins like "https://app.example" (scheme, host and port, no path); got "${origin}".`,
        );
      }
      return normalized;
    }),
  );

  return async (request) => {
    const origin = request.headers.get('origin');
    const crossOrigin = origin !== null && !isSameOrigin(request, origin);
    if (crossOrigin && !allowedOrigins.has(origin)) return json(403, { error: 'origin_not_allowed' });
    const cors: Record<string, string> = crossOrigin
      ? { 'Access-Control-Allow-Origin': origin, 'Access-Control-Allow-Credentials': 'true' }
      : {};

    if (crossOrigin && request.method === 'OPTIONS') {
      // The fixed list, never an echo of Access-Control-Request-Headers: the browser refuses the
      // call when the page asks for more, and headers such as X-Forwarded-Host stay unforgeable.
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          ...(allowedHeaders.length === 0
            ? {}
            : { 'Access-Control-Allow-Headers': allowedHeaders.join(', ') }),
          'Access-Control-Max-Age': '600',
          Vary: 'Origin',
        },
      });
    }
    if (request.method !== 'POST') {
      return json(405, { error: 'method_not_allowed' }, { ...cors, Allow: 'POST' });
    }

    if (allowRequest !== undefined) {
      let verdict: boolean | Response;
      try {
        verdict = await allowRequest(request);
      } catch (error) {
        onError(error);
        return json(500, { error: 'allow_request_failed' }, cors);
      }
      if (verdict instanceof Response) return verdict;
      if (verdict !== true) return json(401, { error: 'unauthorized' }, cors);
    }

    try {
      const { token, expiresIn, expiresAt } = await client.generateAuthorizeToken({ signal: request.signal });
      // expiresIn first: a browser whose clock is off cannot time an absolute expiresAt.
      return json(200, { token, expiresIn, expiresAt }, cors);
    } catch (error) {
      onError(error);
      if (error instanceof FlinksConfigError) return json(500, { error: 'server_not_configured' }, cors);
      return json(502, { error: 'flinks_unavailable' }, cors);
    }
  };
}
