import { createHmac } from 'node:crypto';
import { kycBody } from './data-accounts';
import type { DataLogin } from './data-accounts';

export interface WebhookOptions {
  /** Where Flinks would POST: the app's webhook route. */
  readonly url: string;
  /** The HMAC secret Flinks gives; signs every body. */
  readonly secret: string;
  /** Time between attempts after a failure. Default 30 minutes, as Flinks. */
  readonly retryDelayMs?: number;
  /** Attempts per webhook, the first included. Default 10, as Flinks. */
  readonly maxAttempts?: number;
  /** Also send the `KYC` webhook, before `GetAccountsDetail` (an option Flinks turns on per customer). */
  readonly kyc?: boolean;
  /** The signature header. Default `flinks-authenticity-key`; one Flinks page shows `X-Flinks-Signature`. */
  readonly headerName?: string;
  /** How long one attempt may take before it counts as failed. Default 10 seconds. */
  readonly timeoutMs?: number;
}

export interface WebhookAttempt {
  /** The receiver's HTTP status; absent when the request itself failed. */
  readonly status?: number;
  /** Why the request failed (refused connection, timeout), when it did. */
  readonly error?: string;
}

export interface WebhookDelivery {
  readonly responseType: 'KYC' | 'GetAccountsDetail';
  readonly loginId: string;
  readonly requestId: string;
  /** `pending` until a 200 (`delivered`), the last attempt failed (`failed`) or the simulator closed (`cancelled`). */
  readonly state: 'pending' | 'delivered' | 'failed' | 'cancelled';
  readonly attempts: readonly WebhookAttempt[];
}

export interface WebhookSender {
  /** A GetAccountsDetail job is done: sends its webhook (and the KYC one first, when asked). */
  send(data: DataLogin, detailBody: Readonly<Record<string, unknown>>): void;
  deliveries(): readonly WebhookDelivery[];
  /** Resolves once no webhook is being sent or waiting for a retry. */
  settled(): Promise<void>;
  /** Stops every retry and attempt in flight. */
  close(): void;
}

const THIRTY_MINUTES = 30 * 60 * 1000;

/** `flinks-authenticity-key`: base64 HMAC-SHA256 of the raw body bytes (FLINKS-DATA §7). */
export function signWebhookBody(body: string, secret: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

export function checkWebhookOptions(options: WebhookOptions): void {
  const where = 'startFlinksSimulator: webhook';
  let url: URL | undefined;
  try {
    url = new URL(options.url);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new TypeError(
      `${where}.url must be an http(s) URL, such as "http://127.0.0.1:3000/api/flinks/webhook".`,
    );
  }
  if (typeof options.secret !== 'string' || options.secret === '') {
    throw new TypeError(
      `${where}.secret must be the HMAC secret the receiver verifies with (a non-empty string).`,
    );
  }
  for (const [name, value, min] of [
    ['retryDelayMs', options.retryDelayMs, 0],
    ['timeoutMs', options.timeoutMs, 1],
  ] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= min)) {
      throw new RangeError(`${where}.${name} must be a number of milliseconds >= ${min}, got ${value}.`);
    }
  }
  const attempts = options.maxAttempts;
  if (attempts !== undefined && !(Number.isInteger(attempts) && attempts >= 1)) {
    throw new RangeError(`${where}.maxAttempts must be a whole number >= 1, got ${attempts}.`);
  }
}

/** fetch's own message is a bare "fetch failed"; the reason (ECONNREFUSED…) is in its cause. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error.message + cause;
}

interface Delivery {
  readonly responseType: WebhookDelivery['responseType'];
  readonly data: DataLogin;
  readonly body: string;
  state: WebhookDelivery['state'];
  readonly attempts: WebhookAttempt[];
  timer: ReturnType<typeof setTimeout> | undefined;
}

/** Flinks' webhook delivery: signed POSTs, any answer but 200 retried `retryDelayMs` apart. */
export function createWebhookSender(options: WebhookOptions, log: (line: string) => void): WebhookSender {
  const {
    url,
    secret,
    retryDelayMs = THIRTY_MINUTES,
    maxAttempts = 10,
    kyc = false,
    headerName = 'flinks-authenticity-key',
    timeoutMs = 10_000,
  } = options;
  const all: Delivery[] = [];
  const stop = new AbortController();
  let waiters: (() => void)[] = [];

  const wake = (): void => {
    if (all.some((delivery) => delivery.state === 'pending')) return;
    for (const resolve of waiters) resolve();
    waiters = [];
  };

  const attempt = async (delivery: Delivery): Promise<void> => {
    delivery.timer = undefined;
    if (stop.signal.aborted) return;
    let result: WebhookAttempt;
    // One controller per attempt, aborted by its own timeout or by close() (AbortSignal.any is Node 20+).
    const abort = new AbortController();
    const onStop = (): void => abort.abort();
    stop.signal.addEventListener('abort', onStop);
    const timeout = setTimeout(onStop, timeoutMs);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [headerName]: signWebhookBody(delivery.body, secret) },
        body: delivery.body,
        signal: abort.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      result = { status: response.status };
    } catch (error) {
      result = { error: abort.signal.aborted ? `no answer within ${timeoutMs} ms` : describe(error) };
    } finally {
      clearTimeout(timeout);
      stop.signal.removeEventListener('abort', onStop);
    }
    if (delivery.state !== 'pending') return;
    delivery.attempts.push(result);
    const count = delivery.attempts.length;
    const name = `webhook ${delivery.responseType} (request ${delivery.data.requestId.slice(0, 8)})`;
    if (result.status === 200) {
      delivery.state = 'delivered';
      log(`${name}: attempt ${count} delivered`);
    } else if (count >= maxAttempts) {
      delivery.state = 'failed';
      log(
        `${name}: attempt ${count} failed (${result.status ?? result.error}); giving up after ${maxAttempts}`,
      );
    } else {
      log(`${name}: attempt ${count} failed (${result.status ?? result.error}); next in ${retryDelayMs} ms`);
      delivery.timer = setTimeout(() => void attempt(delivery), retryDelayMs);
    }
    wake();
  };

  const start = (responseType: Delivery['responseType'], data: DataLogin, body: object): Delivery => {
    // ResponseType first, as in Flinks' examples; the bytes sent are the bytes signed.
    const delivery: Delivery = {
      responseType,
      data,
      body: JSON.stringify({ ResponseType: responseType, ...body }),
      state: 'pending',
      attempts: [],
      timer: undefined,
    };
    all.push(delivery);
    return delivery;
  };

  return {
    send(data, detailBody) {
      if (stop.signal.aborted) return;
      // Flinks sends KYC "as soon as personal info is fetched, before full account data".
      const first = kyc ? attempt(start('KYC', data, kycBody(data))) : Promise.resolve();
      const detail = start('GetAccountsDetail', data, detailBody);
      void first.then(() => {
        if (detail.state === 'pending') void attempt(detail);
      });
    },

    deliveries: () =>
      all.map(({ responseType, data, state, attempts }) => ({
        responseType,
        loginId: data.login.Id,
        requestId: data.requestId,
        state,
        attempts: [...attempts],
      })),

    settled: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        wake();
      }),

    close() {
      stop.abort();
      for (const delivery of all) {
        clearTimeout(delivery.timer);
        if (delivery.state === 'pending') delivery.state = 'cancelled';
      }
      wake();
    },
  };
}
