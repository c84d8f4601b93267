import { readAccountsData } from './accounts';
import type { AccountsData } from './accounts';
import type { ClientConfig } from './config';
import { FlinksApiError, FlinksConfigError } from './errors';
import type { FlinksEndpoint } from './errors';
import { badResponse, callFlinks, httpError, textField } from './flinks-request';
import type { FlinksReply } from './flinks-request';

/** What `onPending` hears after each 202 (not after a retried failure). */
export interface PendingInfo {
  /** How many requests this call has made, this one included (1 for the first POST). */
  readonly attempt: number;
  /** Milliseconds since the call started. */
  readonly elapsedMs: number;
  /** `OPERATION_PENDING` or `OPERATION_DISPATCHED`. */
  readonly flinksCode: string;
  /** When the next request goes out, in milliseconds from now. */
  readonly nextPollInMs: number;
}

export interface PollOptions {
  /** From `authorize()`. */
  readonly requestId: string;
  /** Wait between a 202 (or a failure worth retrying) and the next request. Default 10,000, as Flinks asks. */
  readonly pollIntervalMs?: number;
  /**
   * Give up (`code: 'still_pending'`) once the next request would start later than this, in
   * milliseconds from the call's start. Default 30 minutes. The request in flight at that point
   * may still take up to `dataTimeoutMs`.
   */
  readonly maxWaitMs?: number;
  /** Stops at once, mid-request or mid-wait; nothing more is sent. Rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** Called after each 202, before the wait. A throw stops the call with that error. */
  readonly onPending?: (info: PendingInfo) => void;
}

export interface AccountsDetailOptions extends PollOptions {
  readonly withTransactions?: boolean;
  readonly withAccountIdentity?: boolean;
  readonly withKyc?: boolean;
  readonly daysOfTransactions?: 'Days90' | 'Days365';
  /** Account ids (`ACCOUNT_SELECTED`'s `accountId`) to return; default all. */
  readonly accountsFilter?: readonly string[];
}

const PENDING = new Set(['OPERATION_PENDING', 'OPERATION_DISPATCHED']);

/** Flinks' field names for our options: only our own names are camelCase. */
export function toDetailBody(options: AccountsDetailOptions): Record<string, unknown> {
  const body: Record<string, unknown> = { RequestId: options.requestId };
  if (options.withTransactions !== undefined) body.WithTransactions = options.withTransactions;
  if (options.withAccountIdentity !== undefined) body.WithAccountIdentity = options.withAccountIdentity;
  if (options.withKyc !== undefined) body.WithKYC = options.withKyc;
  if (options.daysOfTransactions !== undefined) body.DaysOfTransactions = options.daysOfTransactions;
  if (options.accountsFilter !== undefined) body.AccountsFilter = [...options.accountsFilter];
  return body;
}

function ms(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new FlinksConfigError(`${name} must be a number of milliseconds, 0 or more; got ${String(value)}.`);
  }
  return value;
}

/** Resolves after `delay`, or rejects with the signal's reason as soon as it aborts. */
function wait(delay: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, delay);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

interface PollCall {
  readonly endpoint: 'GetAccountsDetail' | 'GetAccountsSummary';
  readonly asyncEndpoint: 'GetAccountsDetailAsync' | 'GetAccountsSummaryAsync';
  readonly body: Record<string, unknown>;
}

/**
 * POST the data endpoint, then GET its Async twin after each 202 until a 200, within `maxWaitMs`.
 * A 5xx, a network failure or a request timeout is retried with the same kind of request (the
 * POST until a 202 came); any other error status rejects at once. Nothing is kept between calls:
 * the same RequestId can be resumed by any worker.
 */
export async function pollAccounts(
  config: ClientConfig,
  call: PollCall,
  options: PollOptions,
): Promise<AccountsData> {
  if (config.missing !== undefined) throw config.missing;
  const { requestId, signal, onPending } = options;
  if (typeof requestId !== 'string' || requestId.trim() === '') {
    throw new FlinksConfigError(
      `${call.endpoint}: pass the requestId that authorize() resolved to (a session's requestId).`,
    );
  }
  const interval = ms('pollIntervalMs', options.pollIntervalMs, 10_000);
  const maxWaitMs = ms('maxWaitMs', options.maxWaitMs, 30 * 60_000);
  const startedAt = config.now();
  const secrets = [config.secretKey, config.apiKey];
  let dispatched = false; // a 202 came: from now on, GET the Async endpoint
  let attempt = 0;
  let lastCode = 'OPERATION_PENDING';
  let lastFailure: FlinksApiError | undefined;

  for (;;) {
    signal?.throwIfAborted();
    const endpoint: FlinksEndpoint = dispatched ? call.asyncEndpoint : call.endpoint;
    let reply: FlinksReply | undefined;
    try {
      reply = await callFlinks(config, {
        endpoint,
        ...(dispatched
          ? { method: 'GET', pathSuffix: `/${encodeURIComponent(requestId)}` }
          : { method: 'POST', body: call.body }),
        apiKey: config.apiKey,
        signal,
        // Not cut to what is left of maxWaitMs: the last poll, at the deadline, deserves an answer.
        timeoutMs: config.dataTimeoutMs,
      });
    } catch (error) {
      if (!(error instanceof FlinksApiError)) throw error; // the caller's abort
      lastFailure = error;
      lastCode = error.code;
    }
    attempt += 1;

    if (reply !== undefined) {
      const flinksCode = textField(reply.body, 'FlinksCode');
      if (reply.status === 202 || (flinksCode !== undefined && PENDING.has(flinksCode))) {
        dispatched = true;
        lastFailure = undefined;
        lastCode = flinksCode ?? 'OPERATION_PENDING';
      } else if (reply.status >= 200 && reply.status <= 299) {
        const data = readAccountsData(reply.body, requestId);
        if (data !== undefined) return data;
        throw badResponse(endpoint, reply, 'an Accounts list', requestId);
      } else if (reply.status >= 500) {
        lastFailure = httpError(endpoint, reply, secrets, 'Flinks is failing: retried until maxWaitMs.');
        lastCode = 'http_5xx';
      } else {
        throw httpError(endpoint, reply, secrets, dataHint(reply.status, flinksCode));
      }
    }

    const elapsedMs = config.now() - startedAt;
    if (elapsedMs + interval > maxWaitMs) {
      throw new FlinksApiError(
        'still_pending',
        endpoint,
        `Flinks ${call.endpoint} had no data after ${elapsedMs} ms (${attempt} request${attempt === 1 ? '' : 's'}; last: ${lastCode}). ` +
          `Call it again with the same requestId (Flinks keeps processing for up to 30 minutes), or wait for the GetAccountsDetail webhook.`,
        {
          requestId,
          ...(lastFailure === undefined ? { status: 202, flinksCode: lastCode } : { cause: lastFailure }),
        },
      );
    }
    if (lastFailure === undefined) {
      onPending?.({ attempt, elapsedMs, flinksCode: lastCode, nextPollInMs: interval });
    }
    await wait(interval, signal);
  }
}

function dataHint(status: number, flinksCode: string | undefined): string {
  if (flinksCode === 'SESSION_NONEXISTENT' || flinksCode === 'SESSION_EXPIRED') {
    return 'The RequestId expired (8 minutes idle, 30 minutes processing): call authorize() again for a new one.';
  }
  if ((status === 401 || status === 403) && flinksCode === undefined) {
    return 'Check apiKey: send the x-api-key Flinks gave you if it enabled one on this instance.';
  }
  if (status === 404) return 'Check instance (or baseUrl) and customerId.';
  return '';
}
