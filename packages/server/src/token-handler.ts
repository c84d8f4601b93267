import type { FlinksClient } from './client';
import { FlinksConfigError } from './errors';
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
   * Called with every failure the response does not detail: a FlinksApiError (its message is safe
   * to log), or whatever `allowRequest` threw. Default: `console.error`.
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

/**
 * The endpoint your front end's `fetchAuthorizeToken` calls: `POST` only, answers
 * `{ token, expiresIn, expiresAt }` (seconds left, and epoch ms) with `Cache-Control: no-store`. On failure it answers a short
 * code and never Flinks' details: `405 method_not_allowed`, `403 origin_not_allowed`,
 * `401 unauthorized`, `500 allow_request_failed`, `502 flinks_unavailable`.
 */
export function createAuthorizeTokenHandler(
  client: Pick<FlinksClient, 'generateAuthorizeToken'>,
  options: AuthorizeTokenHandlerOptions = {},
): FetchHandler {
  const {
    allowRequest,
    onError = (error: unknown) => console.error('[flinks-embed] authorize token endpoint:', error),
  } = options;
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
      const requestedHeaders = request.headers.get('access-control-request-headers');
      return new Response(null, {
        status: 204,
        headers: {
          ...cors,
          'Access-Control-Allow-Methods': 'POST',
          ...(requestedHeaders === null ? {} : { 'Access-Control-Allow-Headers': requestedHeaders }),
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
      return json(502, { error: 'flinks_unavailable' }, cors);
    }
  };
}
