import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDataJobs } from './data-jobs';
import { createFaultState } from './faults';
import type { SimulatorFaults } from './faults';
import { sendFlinksError } from './http-utils';
import { route } from './router';
import { createSandboxBank } from './sandbox-bank';
import { SANDBOX_BANK_DATA } from './sandbox-data';
import type { SimulatorContext, SimulatorDataStats } from './simulator-context';
import { createTokenLedger } from './token-ledger';
import type { SimulatorStats } from './token-ledger';
import { checkWebhookOptions, createWebhookSender } from './webhook-sender';
import type { WebhookDelivery, WebhookOptions } from './webhook-sender';

/** The customerId the simulator accepts unless told otherwise. Not a real Flinks customer. */
export const DEFAULT_CUSTOMER_ID = '5ad6c0de-f1a5-4e5e-9a1d-51a000000001';
/** The secret key the simulator accepts unless told otherwise. Only ever valid here. */
export const DEFAULT_SECRET_KEY = 'flinks-simulator-secret-key';

export interface SimulatorOptions {
  /** Port to listen on. 0 (the default) picks a free one; read the URLs from the result. */
  readonly port?: number;
  /** Interface to bind. Default `127.0.0.1`: loopback only. */
  readonly host?: string;
  /** The customerId in API paths. Default {@link DEFAULT_CUSTOMER_ID}. */
  readonly customerId?: string;
  /** The key GenerateAuthorizeToken requires in `flinks-auth-key`. Default {@link DEFAULT_SECRET_KEY}. */
  readonly secretKey?: string;
  /** How long an unused token stays valid. Default 30 minutes, as Flinks documents. */
  readonly tokenLifetimeMs?: number;
  /** The clock for token expiry, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
  /**
   * Refuse a second Connect page load of the same token (default `true`). Stricter than Flinks on
   * purpose, so a test catches a token put into two iframe loads. A token already redeemed on
   * /Authorize is refused either way.
   */
  readonly rejectReusedTokens?: boolean;
  /**
   * Receives one line per token, data or webhook event ("token #2 issued"). Lines never contain a
   * token, a key or a secret; RequestIds appear shortened to their first 8 characters.
   */
  readonly log?: (line: string) => void;
  /** How the data endpoints (GetAccountsDetail, GetAccountsSummary) pace their answers. */
  readonly data?: SimulatorDataOptions;
  /**
   * Demand this key in `x-api-key` on the data endpoints (401 `ACCESS_DENIED` otherwise), as on a
   * Flinks instance where it is enabled. Default: none, as in Flinks' own examples.
   */
  readonly apiKey?: string;
  /**
   * Send Flinks' signed webhooks here: `GetAccountsDetail` (and `KYC` first with `kyc: true`) once
   * a detail job is done: right after a Connect login, and after the last 202 of a data job.
   */
  readonly webhook?: WebhookOptions;
}

export interface SimulatorDataOptions {
  /**
   * 202 answers each data job gives before its 200, the first POST's included. Default 1: Flinks'
   * first GetAccountsDetail "typically returns a 202". 0 answers the first POST with data.
   */
  readonly pendingPolls?: number;
  /**
   * The FlinksCode of the first POST's 202 (the polls' are always `OPERATION_PENDING`). Default
   * `OPERATION_PENDING`; `OPERATION_DISPATCHED` is Flinks' answer to a call that ran past 210 s.
   */
  readonly pendingCode?: 'OPERATION_PENDING' | 'OPERATION_DISPATCHED';
}

export interface FlinksSimulator {
  /** The Connect page, `http://127.0.0.1:PORT/v2/`: the stand-in for `https://{instance}-iframe.private.fin.ag/v2/`. */
  readonly connectUrl: string;
  /**
   * The base of the API, the stand-in for `https://{instance}-api.private.fin.ag`: give it to
   * `createFlinksClient({ baseUrl })` so `${baseUrl}/v3/{customerId}/BankingServices/…` lands here.
   */
  readonly apiBaseUrl: string;
  /**
   * The simulator's origin, `http://127.0.0.1:PORT`. One origin stands in for both hosts of a
   * Flinks instance (iframe and API), so this is the origin Connect events come from and the one
   * to allow in a Content-Security-Policy (`frame-src`).
   */
  readonly instanceUrl: string;
  readonly customerId: string;
  readonly secretKey: string;
  /** A snapshot of the counters; later requests do not change it. */
  stats(): SimulatorStats;
  /** Connect page loads of one token (0 for a token never loaded or never issued). */
  loadsOf(token: string): number;
  /** Switches failures on or off for the next requests; omitted fields keep their value. */
  setFaults(faults: SimulatorFaults): void;
  /** A snapshot of what the data endpoints answered and which credentials they were sent. */
  dataStats(): SimulatorDataStats;
  /** Every webhook sent or being sent, oldest first, with each attempt's outcome. */
  webhookDeliveries(): readonly WebhookDelivery[];
  /** Resolves once no webhook is being sent or waiting for a retry (at once without `webhook`). */
  webhooksSettled(): Promise<void>;
  /** Stops the server and drops open connections. Safe to call twice. */
  close(): Promise<void>;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const THIRTY_MINUTES = 30 * 60 * 1000;

export async function startFlinksSimulator(options: SimulatorOptions = {}): Promise<FlinksSimulator> {
  const {
    port = 0,
    host = '127.0.0.1',
    customerId = DEFAULT_CUSTOMER_ID,
    secretKey = DEFAULT_SECRET_KEY,
    tokenLifetimeMs = THIRTY_MINUTES,
    now = Date.now,
    rejectReusedTokens = true,
    log = () => {},
    data: { pendingPolls = 1, pendingCode = 'OPERATION_PENDING' } = {},
    apiKey,
    webhook,
  } = options;
  if (!(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new RangeError(
      `startFlinksSimulator: port must be a whole number from 0 to 65535 (0 picks a free port), got ${port}.`,
    );
  }
  if (!GUID.test(customerId)) {
    throw new TypeError(
      `startFlinksSimulator: customerId must be a GUID, as Flinks gives, e.g. "${DEFAULT_CUSTOMER_ID}".`,
    );
  }
  if (secretKey.trim() === '') {
    throw new TypeError(
      'startFlinksSimulator: secretKey must not be empty (omit it to use DEFAULT_SECRET_KEY).',
    );
  }
  if (!(Number.isFinite(tokenLifetimeMs) && tokenLifetimeMs > 0)) {
    throw new RangeError(
      `startFlinksSimulator: tokenLifetimeMs must be a positive number of milliseconds, got ${tokenLifetimeMs}.`,
    );
  }

  if (!(Number.isInteger(pendingPolls) && pendingPolls >= 0)) {
    throw new RangeError(
      `startFlinksSimulator: data.pendingPolls must be a whole number >= 0 (the 202s before the data), got ${pendingPolls}.`,
    );
  }
  if (pendingCode !== 'OPERATION_PENDING' && pendingCode !== 'OPERATION_DISPATCHED') {
    throw new TypeError(
      `startFlinksSimulator: data.pendingCode must be 'OPERATION_PENDING' or 'OPERATION_DISPATCHED', got ${String(pendingCode)}.`,
    );
  }
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '')) {
    throw new TypeError(
      'startFlinksSimulator: apiKey must be a non-empty string (omit it to accept data calls without one).',
    );
  }
  if (webhook !== undefined) checkWebhookOptions(webhook);

  const webhooks = webhook === undefined ? undefined : createWebhookSender(webhook, log);
  const faults = createFaultState();
  const bank = createSandboxBank(SANDBOX_BANK_DATA, randomUUID, now);
  const pendingSleeps = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: (done: boolean) => void }>();
  const ctx: SimulatorContext = {
    customerId,
    secretKey,
    apiKey,
    pendingCode,
    ledger: createTokenLedger({ now, lifetimeMs: tokenLifetimeMs, rejectReusedTokens }),
    bank,
    data: createDataJobs({
      now,
      pendingPolls,
      neverReady: () => faults.dataNeverReady,
      deleteLogin: (loginId) => bank.deleteLogin(loginId),
      onDetailReady: (login, body) => webhooks?.send(login, body),
      log,
    }),
    dataStats: {
      requests: 0,
      pending: 0,
      ready: 0,
      errors: 0,
      pollsWithPost: 0,
      withFlinksAuthKey: 0,
      withSecretKey: 0,
      refusedApiKey: 0,
    },
    faults,
    log,
    sleep: (ms) =>
      new Promise((resolve) => {
        const sleep = {
          timer: setTimeout(() => {
            pendingSleeps.delete(sleep);
            resolve(true);
          }, ms),
          resolve,
        };
        pendingSleeps.add(sleep);
      }),
  };

  const server = createServer((req, res) => {
    route(ctx, req, res).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendFlinksError(res, 500, 'The simulator failed to answer this request.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(
              `startFlinksSimulator: port ${port} on ${host} is already in use. Pass port: 0 to pick a free port.`,
              { cause: error },
            )
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const instanceUrl = `http://${urlHost(host)}:${(server.address() as AddressInfo).port}`;
  let closing: Promise<void> | undefined;

  return {
    connectUrl: `${instanceUrl}/v2/`,
    apiBaseUrl: instanceUrl,
    instanceUrl,
    customerId,
    secretKey,
    stats: () => ctx.ledger.stats(),
    loadsOf: (token) => ctx.ledger.loadsOf(token),
    setFaults: (next) => faults.set(next),
    dataStats: () => ({ ...ctx.dataStats }),
    webhookDeliveries: () => webhooks?.deliveries() ?? [],
    webhooksSettled: () => webhooks?.settled() ?? Promise.resolve(),
    close() {
      closing ??= new Promise<void>((resolve) => {
        webhooks?.close();
        for (const sleep of pendingSleeps) {
          clearTimeout(sleep.timer);
          sleep.resolve(false);
        }
        pendingSleeps.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

/** The host part of a URL that reaches `host` (a wildcard bind is reached through loopback). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
