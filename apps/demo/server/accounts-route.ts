import { DEMO_API, type AccountsRequest } from '../shared/demo-api';
import type { AccountJobs } from './account-jobs';
import { error, isSameOrigin, json } from './responses';

/** A Flinks id (loginId, accountId): a GUID in practice; anything else is refused before Flinks sees it. */
const FLINKS_ID = /^[A-Za-z0-9-]{1,100}$/;

/** Checks the body of `POST /api/demo/accounts`; a string says what is wrong with it. */
export function parseAccountsRequest(body: unknown): AccountsRequest | string {
  const example = 'Send a JSON object such as { "loginId": "…the loginId from onRedirect…" }.';
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return example;
  const { loginId, accountId } = body as Record<string, unknown>;
  if (typeof loginId !== 'string' || !FLINKS_ID.test(loginId)) {
    return `loginId must be the loginId Connect gave onRedirect (letters, digits and dashes). ${example}`;
  }
  if (accountId !== undefined && (typeof accountId !== 'string' || !FLINKS_ID.test(accountId))) {
    return 'accountId, when sent, must be the accountId Connect gave onRedirect.';
  }
  return accountId === undefined ? { loginId } : { loginId, accountId };
}

/**
 * `POST /api/demo/accounts` starts a job, `GET /api/demo/accounts/{jobId}` reads it; `undefined`
 * for any other path.
 */
export function accountsRoute(jobs: AccountJobs, request: Request): Promise<Response> | undefined {
  const { pathname } = new URL(request.url);
  if (pathname === DEMO_API.accounts) {
    if (request.method !== 'POST') {
      return Promise.resolve(
        error(405, `${request.method} is not allowed on ${pathname}.`, { Allow: 'POST' }),
      );
    }
    return startJob(jobs, request);
  }
  if (!pathname.startsWith(`${DEMO_API.accounts}/`)) return undefined;
  if (request.method !== 'GET') {
    return Promise.resolve(error(405, `${request.method} is not allowed on ${pathname}.`, { Allow: 'GET' }));
  }
  const state = jobs.get(decodeURIComponent(pathname.slice(DEMO_API.accounts.length + 1)));
  return Promise.resolve(
    state
      ? json(200, state)
      : error(404, 'No such data request: it ended a while ago or the server restarted. Start again.'),
  );
}

async function startJob(jobs: AccountJobs, request: Request): Promise<Response> {
  if (!isSameOrigin(request)) return error(403, 'Only the demo page may ask for the accounts.');
  const parsed = parseAccountsRequest(await request.json().catch(() => undefined));
  if (typeof parsed === 'string') return error(400, parsed);
  const jobId = jobs.start(parsed);
  if (jobId === undefined) {
    return error(503, 'Too many data requests are running. Try again in a minute.', { 'Retry-After': '60' });
  }
  return json(202, { jobId }, { Location: `${DEMO_API.accounts}/${jobId}` });
}
