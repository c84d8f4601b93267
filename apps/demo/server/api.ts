import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuthorizeTokenHandler } from '@flinks-embed/server';
import { toNodeListener } from '@flinks-embed/server/node';
import { DEMO_API, FAULT_LIMITS, type FaultsRequest } from '../shared/demo-api';
import { createAccountJobs } from './account-jobs';
import { accountsRoute } from './accounts-route';
import type { Backend } from './backend';
import { error, isSameOrigin, json } from './responses';

/** Handles `/api/*`; answers `false` for any other path so the app is served instead. */
export interface ApiHandler {
  (req: IncomingMessage, res: ServerResponse): boolean;
  /** Stops the data jobs still running: nothing more goes to Flinks. */
  close(): void;
}

/** The largest body the demo's own routes read: a faults or accounts request is a few dozen bytes. */
const DEMO_BODY_LIMIT = 4096;

export function createApi(backend: Backend, log: (line: string) => void): ApiHandler {
  // The whole token endpoint. It mints one fresh token per request with the secret key, answers
  // { token, expiresAt } with Cache-Control: no-store, and refuses other origins. A real app also
  // passes allowRequest: (request) => a check of the user's session.
  const authorizeToken = toNodeListener(
    createAuthorizeTokenHandler(backend.flinks, {
      onError: (error) => log(`token endpoint: ${error instanceof Error ? error.message : String(error)}`),
    }),
  );

  const jobs = createAccountJobs({
    fetchAccounts: (options) => backend.flinks.fetchAccounts(options),
    ...backend.data,
    log,
  });

  const faults = async (request: Request): Promise<Response> => {
    if (!backend.simulator) return error(404, 'Faults can only be switched on the local simulator.');
    if (!isSameOrigin(request)) return error(403, 'Only the demo page may switch faults.');
    const parsed = parseFaults(await request.json().catch(() => undefined));
    if (typeof parsed === 'string') return error(400, parsed);
    const { failNextDataCalls, ...tokenFaults } = parsed;
    backend.simulator.setFaults({
      ...tokenFaults,
      ...(failNextDataCalls === undefined
        ? {}
        : { dataFailure: { code: 'RETRY_LATER', count: failNextDataCalls } }),
    });
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  };

  // The demo's own routes run on the same adapter as the token endpoint, so a refusal never reads
  // the body it refuses: left to itself, Node drains an unread upload (all 64 MB of it) to keep the
  // connection alive, and the server's memory rises while it does.
  const demoRoutes = toNodeListener(
    async (request) => {
      const { pathname } = new URL(request.url);
      const route = `${request.method} ${pathname}`;
      if (route === `GET ${DEMO_API.config}`) return json(200, backend.config);
      if (route === `POST ${DEMO_API.faults}`) return faults(request);
      const accounts = accountsRoute(jobs, request);
      if (accounts) return accounts;
      if ([DEMO_API.authorizeToken, DEMO_API.config, DEMO_API.faults].includes(pathname as never)) {
        const allow = pathname === DEMO_API.config ? 'GET' : 'POST';
        return error(405, `${request.method} is not allowed on ${pathname}.`, { Allow: allow });
      }
      return error(404, `No API route ${pathname}.`);
    },
    { maxBodyBytes: DEMO_BODY_LIMIT },
  );

  const handle = (req: IncomingMessage, res: ServerResponse): boolean => {
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (!pathname.startsWith('/api/')) return false;
    if (req.method === 'POST' && pathname === DEMO_API.authorizeToken) void authorizeToken(req, res);
    else void demoRoutes(req, res);
    return true;
  };
  return Object.assign(handle, { close: () => jobs.close() });
}

/** Checks a faults request; a string says what is wrong with it. */
export function parseFaults(body: unknown): FaultsRequest | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return 'Send a JSON object such as { "failNextTokenRequests": 3 }.';
  }
  const faults: FaultsRequest = {};
  for (const key of Object.keys(FAULT_LIMITS) as (keyof typeof FAULT_LIMITS)[]) {
    const value = (body as Record<string, unknown>)[key];
    if (value === undefined) continue;
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > FAULT_LIMITS[key]) {
      return `${key} must be a whole number from 0 to ${FAULT_LIMITS[key]}.`;
    }
    faults[key] = value as number;
  }
  return faults;
}
