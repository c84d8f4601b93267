import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DetailFilters } from './data-accounts';
import type { DataKind, DataOutcome } from './data-jobs';
import { parseDataRequest } from './data-request';
import type { DataFailureCode } from './faults';
import { header, readJsonBody, sendFlinksError, sendJson } from './http-utils';
import type { SimulatorContext } from './simulator-context';

export type DataRoute =
  | {
      readonly endpoint: 'data';
      readonly customerId: string;
      readonly kind: DataKind;
      readonly asyncId: string | undefined;
    }
  | { readonly endpoint: 'delete'; readonly customerId: string; readonly loginId: string };

// Case-insensitive like the other API routes.
const DATA_PATH = /^\/v3\/([^/]+)\/BankingServices\/GetAccounts(Detail|Summary)(?:Async\/([^/]+))?\/?$/i;
const DELETE_PATH = /^\/v3\/([^/]+)\/BankingServices\/DeleteCard\/([^/]+)\/?$/i;

export function matchDataRoute(pathname: string): DataRoute | undefined {
  const data = DATA_PATH.exec(pathname);
  if (data !== null) {
    const [, customerId = '', kind = '', asyncId] = data;
    return {
      endpoint: 'data',
      customerId,
      kind: kind.toLowerCase() === 'detail' ? 'detail' : 'summary',
      asyncId: asyncId === undefined ? undefined : decodeURIComponent(asyncId),
    };
  }
  const card = DELETE_PATH.exec(pathname);
  if (card === null) return undefined;
  const [, customerId = '', loginId = ''] = card;
  return { endpoint: 'delete', customerId, loginId: decodeURIComponent(loginId) };
}

const FAILURES: Readonly<Record<DataFailureCode, { readonly status: number; readonly message: string }>> = {
  SESSION_NONEXISTENT: { status: 400, message: 'Inputs session id or card if were not found.' },
  RETRY_LATER: {
    status: 401,
    message: 'Flinks was not able to open a connection with the selected financial institution.',
  },
  AGGREGATION_ERROR: { status: 500, message: 'Flinks encountered an unexpected error during processing.' },
};

function sendFailure(res: ServerResponse, code: DataFailureCode, requestId?: string): void {
  const { status, message } = FAILURES[code];
  sendJson(res, status, { HttpStatusCode: status, FlinksCode: code, Message: message, RequestId: requestId });
}

/**
 * GetAccountsDetail, GetAccountsSummary, their Async polls and DeleteCard. Data endpoints take
 * the RequestId and, when Flinks enabled it, `x-api-key`; never the secret key (FLINKS-DATA §4).
 */
export async function serveData(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  route: DataRoute,
): Promise<void> {
  const method = req.method ?? 'GET';
  const name =
    route.endpoint === 'delete' ? 'DeleteCard' : endpointName(route.kind, route.asyncId !== undefined);
  const stats = ctx.dataStats;
  stats.requests += 1;
  recordAuthHeaders(ctx, req);

  const allowed =
    route.endpoint === 'delete' ? ['DELETE'] : route.asyncId !== undefined ? ['GET', 'POST'] : ['POST'];
  if (!allowed.includes(method)) {
    req.resume();
    stats.errors += 1;
    const documented = allowed[0] ?? 'POST';
    sendFlinksError(res, 405, `Use ${documented} for ${name}.`, { Allow: allowed.join(', ') });
    return;
  }
  if (ctx.apiKey !== undefined && header(req, 'x-api-key') !== ctx.apiKey) {
    req.resume();
    stats.refusedApiKey += 1;
    stats.errors += 1;
    ctx.log(`${name}: refused a missing or wrong x-api-key`);
    sendJson(res, 401, {
      HttpStatusCode: 401,
      FlinksCode: 'ACCESS_DENIED',
      Message: 'Authentication was unsuccessful: send the x-api-key Flinks gave you.',
    });
    return;
  }
  const sameCustomer = route.customerId.toLowerCase() === ctx.customerId.toLowerCase();

  if (route.endpoint === 'delete') {
    req.resume();
    const outcome = sameCustomer ? ctx.data.deleteCard(route.loginId) : 'unknown';
    ctx.log(`DeleteCard: ${outcome}`);
    if (outcome === 'deleted') {
      sendJson(res, 200, { HttpStatusCode: 200, Message: 'The card and all its data were deleted.' });
      return;
    }
    stats.errors += 1;
    if (outcome === 'in-use') {
      sendJson(res, 400, {
        HttpStatusCode: 400,
        FlinksCode: 'CARD_IN_USE',
        Message: 'An operation was requested while the account is still being processed.',
      });
      return;
    }
    sendJson(res, 401, {
      HttpStatusCode: 401,
      FlinksCode: 'INVALID_LOGIN',
      Message: 'The LoginId provided is either invalid or does not belong to the CustomerId.',
    });
    return;
  }

  const isPoll = route.asyncId !== undefined;
  let requestId = route.asyncId ?? '';
  let filters: DetailFilters | undefined;
  if (isPoll) {
    req.resume();
    if (method === 'POST') {
      stats.pollsWithPost += 1;
      ctx.log(`warning: ${name} was called with POST; Flinks documents GET (the simulator answers both)`);
    }
  } else {
    const body = await readJsonBody(req);
    const parsed = body.ok ? parseDataRequest(body.value, route.kind === 'detail') : body;
    if (!parsed.ok) {
      stats.errors += 1;
      sendJson(res, 400, { HttpStatusCode: 400, FlinksCode: 'INVALID_REQUEST', Message: parsed.message });
      return;
    }
    requestId = parsed.requestId;
    filters = parsed.filters;
  }

  const failure = ctx.faults.takeDataFailure(isPoll);
  if (failure !== undefined) {
    stats.errors += 1;
    ctx.log(`${name}: simulated ${failure} (setFaults)`);
    sendFailure(res, failure, requestId);
    return;
  }

  const outcome: DataOutcome = sameCustomer
    ? ctx.data.call(route.kind, requestId, filters, isPoll)
    : { type: 'unknown' };
  ctx.log(`${name} (request ${requestId.slice(0, 8)}): ${outcome.type}`);
  answer(ctx, res, outcome, route.kind, requestId, isPoll);
}

function answer(
  ctx: SimulatorContext,
  res: ServerResponse,
  outcome: DataOutcome,
  kind: DataKind,
  requestId: string,
  isPoll: boolean,
): void {
  const stats = ctx.dataStats;
  switch (outcome.type) {
    case 'ready':
      stats.ready += 1;
      sendJson(res, 200, outcome.body);
      return;
    case 'pending': {
      stats.pending += 1;
      const dispatched = !isPoll && ctx.pendingCode === 'OPERATION_DISPATCHED';
      const asyncName = endpointName(kind, true);
      sendJson(res, 202, {
        FlinksCode: dispatched ? 'OPERATION_DISPATCHED' : 'OPERATION_PENDING',
        Links: [{ rel: asyncName, href: `/${asyncName}`, example: `/${asyncName}/{RequestId}` }],
        HttpStatusCode: 202,
        Message: dispatched
          ? 'Your sync request took more than 210 seconds and it was dispatched in the background.'
          : 'Your operation is still processing',
        RequestId: requestId,
      });
      return;
    }
    case 'not-started':
      stats.errors += 1;
      sendJson(res, 400, {
        HttpStatusCode: 400,
        FlinksCode: 'INVALID_REQUEST',
        Message: `Nothing to poll for this RequestId: POST /${endpointName(kind, false)} first, then poll /${endpointName(kind, true)} after its 202.`,
        RequestId: requestId,
      });
      return;
    case 'unknown':
      stats.errors += 1;
      sendFailure(res, 'SESSION_NONEXISTENT', requestId);
  }
}

function endpointName(kind: DataKind, isAsync: boolean): string {
  return `GetAccounts${kind === 'detail' ? 'Detail' : 'Summary'}${isAsync ? 'Async' : ''}`;
}

/** Counts the credentials a client should not send here, so a test can assert it never did. */
function recordAuthHeaders(ctx: SimulatorContext, req: IncomingMessage): void {
  const authKey = header(req, 'flinks-auth-key');
  if (authKey !== undefined) ctx.dataStats.withFlinksAuthKey += 1;
  const bearer = header(req, 'authorization')?.replace(/^Bearer\s+/i, '');
  if ([authKey, bearer, header(req, 'x-api-key')].includes(ctx.secretKey)) ctx.dataStats.withSecretKey += 1;
}
