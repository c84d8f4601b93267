import { invalidOptions } from './errors';

export interface RetryOptions {
  /** Every try, the first included. Default 3. */
  attempts?: number;
  /** The delay before the second try; it doubles for each later one, with jitter. Default 500. */
  baseDelayMs?: number;
  /** The longest delay between two tries. Default 8,000. */
  maxDelayMs?: number;
}

/** Options shared by `createAuthorizeTokenSource`, `useAuthorizeToken` and `<FlinksConnect>`. */
export interface AuthorizeTokenOptions {
  /** How long a token lives when the fetcher does not say. Default 1,800,000 (30 minutes). */
  tokenLifetimeMs?: number;
  /** An unused token is replaced this long before it expires. Default 60,000. */
  refreshMarginMs?: number;
  /** Each try of the fetcher is aborted after this long. Default 15,000. */
  fetchTimeoutMs?: number;
  /** Retries with exponential backoff and jitter; `false` tries once. */
  retry?: false | RetryOptions;
  /** The wall clock, in epoch milliseconds. Default `Date.now`. */
  now?: () => number;
}

export interface ResolvedTokenOptions {
  tokenLifetimeMs: number;
  refreshMarginMs: number;
  fetchTimeoutMs: number;
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  now: () => number;
}

function check(name: string, value: number, ok: boolean, rule: string): number {
  if (!ok || Number.isNaN(value)) throw invalidOptions(`${name} must be ${rule} (got ${value}).`);
  return value;
}

export function resolveTokenOptions(options: AuthorizeTokenOptions = {}): ResolvedTokenOptions {
  const {
    tokenLifetimeMs = 1_800_000,
    refreshMarginMs = 60_000,
    fetchTimeoutMs = 15_000,
    retry = {},
    now = () => Date.now(),
  } = options;
  const { attempts = 3, baseDelayMs = 500, maxDelayMs = 8_000 } = retry || { attempts: 1 };
  if (typeof now !== 'function') throw invalidOptions('now must be a function returning epoch milliseconds.');
  const positive = 'a positive number of milliseconds';
  return {
    tokenLifetimeMs: check('tokenLifetimeMs', tokenLifetimeMs, tokenLifetimeMs > 0, positive),
    refreshMarginMs: check(
      'refreshMarginMs',
      refreshMarginMs,
      refreshMarginMs >= 0 && refreshMarginMs < tokenLifetimeMs,
      `at least 0 and less than tokenLifetimeMs (${tokenLifetimeMs})`,
    ),
    fetchTimeoutMs: check('fetchTimeoutMs', fetchTimeoutMs, fetchTimeoutMs > 0, positive),
    attempts: check(
      'retry.attempts',
      attempts,
      Number.isInteger(attempts) && attempts >= 1,
      'a whole number from 1',
    ),
    baseDelayMs: check('retry.baseDelayMs', baseDelayMs, baseDelayMs >= 0, 'at least 0'),
    maxDelayMs: check('retry.maxDelayMs', maxDelayMs, maxDelayMs >= 0, 'at least 0'),
    now,
  };
}

/** Exponential backoff with "equal jitter": between half and all of `base * 2^(failures - 1)`, capped. */
export function backoffDelay(
  failures: number,
  o: ResolvedTokenOptions,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(o.maxDelayMs, o.baseDelayMs * 2 ** (failures - 1));
  return ceiling / 2 + (random() * ceiling) / 2;
}
