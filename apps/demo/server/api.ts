import type { IncomingMessage, ServerResponse } from 'node:http';
import { createAuthorizeTokenHandler } from '@flinks-embed/server';
import { toNodeListener } from '@flinks-embed/server/node';
import { DEMO_API, FAULT_LIMITS, type FaultsRequest } from '../shared/demo-api';
import type { Backend } from './backend';
import { isSameOrigin, readJson, sendError, sendJson } from './http';

/** Handles `/api/*`; answers `false` for any other path so the app is served instead. */
export type ApiHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export function createApi(backend: Backend, log: (line: string) => void): ApiHandler {
  // The whole token endpoint. It mints one fresh token per request with the secret key, answers
  // { token, expiresAt } with Cache-Control: no-store, and refuses other origins. A real app also
  // passes allowRequest: (request) => a check of the user's session.
  const authorizeToken = toNodeListener(
    createAuthorizeTokenHandler(backend.flinks, {
      onError: (error) => log(`token endpoint: ${error instanceof Error ? error.message : String(error)}`),
    }),
  );

  const faults = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!backend.simulator) {
      sendError(res, 404, 'Faults can only be switched on the local simulator.');
      return;
    }
    if (!isSameOrigin(req)) {
      sendError(res, 403, 'Only the demo page may switch faults.');
      return;
    }
    const parsed = parseFaults(await readJson(req));
    if (typeof parsed === 'string') {
      sendError(res, 400, parsed);
      return;
    }
    backend.simulator.setFaults(parsed);
    res.writeHead(204, { 'Cache-Control': 'no-store' }).end();
  };

  return (req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://demo.invalid');
    if (!pathname.startsWith('/api/')) return false;
    const method = req.method ?? 'GET';
    const route = `${method} ${pathname}`;
    if (route === `POST ${DEMO_API.authorizeToken}`) {
      void authorizeToken(req, res);
    } else if (route === `GET ${DEMO_API.config}`) {
      sendJson(res, 200, backend.config);
    } else if (route === `POST ${DEMO_API.faults}`) {
      faults(req, res).catch(() => {
        if (!res.headersSent) sendError(res, 500, 'Could not switch faults.');
      });
    } else if ([DEMO_API.authorizeToken, DEMO_API.config, DEMO_API.faults].includes(pathname as never)) {
      res.setHeader('Allow', pathname === DEMO_API.config ? 'GET' : 'POST');
      sendError(res, 405, `${method} is not allowed on ${pathname}.`);
    } else {
      sendError(res, 404, `No API route ${pathname}.`);
    }
    return true;
  };
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
