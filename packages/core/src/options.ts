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

/** The options with their defaults filled in. */
export interface ResolvedTokenOptions {
  tokenLifetimeMs: number;
  refreshMarginMs: number;
  fetchTimeoutMs: number;
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  now: () => number;
}

/**
 * Development only: wrong options are a programming error, caught before an app ships. Production
 * builds trust the types.
 */
export function checkTokenOptions(o: ResolvedTokenOptions): void {
  const check = (name: string, value: number, ok: boolean, rule: string): void => {
    if (!ok || Number.isNaN(value)) throw invalidOptions(`${name} must be ${rule} (got ${value}).`);
  };
  if (typeof o.now !== 'function') {
    throw invalidOptions('now must be a function returning epoch milliseconds.');
  }
  const positive = 'a positive number of milliseconds';
  check('tokenLifetimeMs', o.tokenLifetimeMs, o.tokenLifetimeMs > 0, positive);
  check(
    'refreshMarginMs',
    o.refreshMarginMs,
    o.refreshMarginMs >= 0 && o.refreshMarginMs < o.tokenLifetimeMs,
    `at least 0 and less than tokenLifetimeMs (${o.tokenLifetimeMs})`,
  );
  check('fetchTimeoutMs', o.fetchTimeoutMs, o.fetchTimeoutMs > 0, positive);
  check(
    'retry.attempts',
    o.attempts,
    Number.isInteger(o.attempts) && o.attempts >= 1,
    'a whole number from 1',
  );
  check('retry.baseDelayMs', o.baseDelayMs, o.baseDelayMs >= 0, 'at least 0');
  check('retry.maxDelayMs', o.maxDelayMs, o.maxDelayMs >= 0, 'at least 0');
}
