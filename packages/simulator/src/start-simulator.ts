import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultState } from './faults';
import type { SimulatorFaults } from './faults';
import { sendFlinksError } from './http-utils';
import { route } from './router';
import { createSandboxBank } from './sandbox-bank';
import { SANDBOX_BANK_DATA } from './sandbox-data';
import type { SimulatorContext } from './simulator-context';
import { createTokenLedger } from './token-ledger';
import type { SimulatorStats } from './token-ledger';

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
  /** Receives one line per token event ("token #2 issued"). Lines never contain a token. */
  readonly log?: (line: string) => void;
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
  /** Switches failures on or off for the next token requests; omitted fields keep their value. */
  setFaults(faults: SimulatorFaults): void;
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

  const pendingSleeps = new Set<{ timer: ReturnType<typeof setTimeout>; resolve: (done: boolean) => void }>();
  const ctx: SimulatorContext = {
    customerId,
    secretKey,
    ledger: createTokenLedger({ now, lifetimeMs: tokenLifetimeMs, rejectReusedTokens }),
    bank: createSandboxBank(SANDBOX_BANK_DATA, randomUUID, now),
    faults: createFaultState(),
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
    setFaults: (faults) => ctx.faults.set(faults),
    close() {
      closing ??= new Promise<void>((resolve) => {
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
