import 'server-only';
import type { FlinksClientOptions } from '@flinks-embed/server';

/**
 * Where this app's Flinks settings come from, read at request time (never at build time, so
 * `next build` runs with no secrets and a deployment gets them from its runtime environment):
 *
 * - Real Flinks: `FLINKS_INSTANCE`, `FLINKS_CUSTOMER_ID` and `FLINKS_SECRET_KEY` (and `FLINKS_API_KEY`,
 *   the data endpoints' `x-api-key`, when Flinks enabled it).
 * - The local simulator: `node scripts/run.mjs` (the app's `dev` and `start` scripts) starts it
 *   and sets `FLINKS_CUSTOMER_ID`, `FLINKS_SECRET_KEY`, `FLINKS_API_URL` and `FLINKS_CONNECT_URL`.
 */
type Env = Readonly<Record<string, string | undefined>>;

export type ConnectTarget = { instance: string } | { connectUrl: string };

export class FlinksSetupError extends Error {
  override name = 'FlinksSetupError';
}

function read(env: Env, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

const HOW_TO_FIX =
  'Set FLINKS_INSTANCE, FLINKS_CUSTOMER_ID and FLINKS_SECRET_KEY in the server environment ' +
  '(see apps/next/.env.example), or start the app with `pnpm --filter next-app dev` or `start`, ' +
  'which run the local Flinks simulator.';

/** Where the browser loads Connect from. Not a secret: it ends up in the iframe's `src`. */
export function readConnectTarget(env: Env = process.env): ConnectTarget {
  const connectUrl = read(env, 'FLINKS_CONNECT_URL');
  if (connectUrl) return { connectUrl };
  const instance = read(env, 'FLINKS_INSTANCE');
  if (instance) return { instance };
  throw new FlinksSetupError(`No Flinks instance is configured. ${HOW_TO_FIX}`);
}

/** The token client's options, secret key included: for server code only (hence `server-only`). */
export function readFlinksClientOptions(env: Env = process.env): FlinksClientOptions {
  const instance = read(env, 'FLINKS_INSTANCE');
  const baseUrl = read(env, 'FLINKS_API_URL');
  const customerId = read(env, 'FLINKS_CUSTOMER_ID');
  const secretKey = read(env, 'FLINKS_SECRET_KEY');
  // Names only, never values: this message reaches logs.
  const missing = [
    ...(instance || baseUrl ? [] : ['FLINKS_INSTANCE']),
    ...(customerId ? [] : ['FLINKS_CUSTOMER_ID']),
    ...(secretKey ? [] : ['FLINKS_SECRET_KEY']),
  ];
  if (missing.length > 0 || !customerId || !secretKey) {
    throw new FlinksSetupError(`Missing ${missing.join(', ')}. ${HOW_TO_FIX}`);
  }
  // The data endpoints' x-api-key, when Flinks enabled it on the instance.
  const apiKey = read(env, 'FLINKS_API_KEY');
  const common = { customerId, secretKey, ...(apiKey ? { apiKey } : {}) };
  return baseUrl
    ? { baseUrl, ...common, ...(instance ? { instance } : {}) }
    : { instance: instance!, ...common };
}

/**
 * Milliseconds between Flinks' 202s: `FLINKS_DATA_POLL_INTERVAL_MS` (the run script sets a short
 * one for the simulator), else the client's default, 10 s, as Flinks asks.
 */
export function readDataPollIntervalMs(env: Env = process.env): number | undefined {
  const value = read(env, 'FLINKS_DATA_POLL_INTERVAL_MS');
  if (value === undefined) return undefined;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 0) {
    throw new FlinksSetupError(
      `FLINKS_DATA_POLL_INTERVAL_MS must be a whole number of milliseconds, got "${value}".`,
    );
  }
  return ms;
}
