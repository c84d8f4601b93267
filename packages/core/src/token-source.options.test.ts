// The token source's options: bad values are refused with an error that names the fix.
import { describe, expect, it } from 'vitest';
import { createAuthorizeTokenSource } from './index';
import { MINUTE } from '../test/token-source-fixture';

describe('options', () => {
  it.each([
    [
      { refreshMarginMs: 30 * MINUTE },
      /refreshMarginMs must be at least 0 and less than tokenLifetimeMs \(1800000\)/,
    ],
    [
      { tokenLifetimeMs: 10_000, refreshMarginMs: 20_000 },
      /refreshMarginMs .* less than tokenLifetimeMs \(10000\)/,
    ],
    [{ fetchTimeoutMs: -1 }, /fetchTimeoutMs must be a positive number of milliseconds \(got -1\)/],
    [{ tokenLifetimeMs: 0 }, /tokenLifetimeMs must be a positive/],
    [{ tokenLifetimeMs: NaN }, /tokenLifetimeMs must be a positive/],
    [{ retry: { attempts: 0 } }, /retry.attempts must be a whole number from 1/],
    [{ retry: { attempts: 1.5 } }, /retry.attempts must be a whole number from 1/],
    [{ retry: { baseDelayMs: -1 } }, /retry.baseDelayMs must be at least 0/],
    [{ retry: { maxDelayMs: -1 } }, /retry.maxDelayMs must be at least 0/],
    [{ now: 5 as unknown as () => number }, /now must be a function/],
  ])('rejects %j with a clear error', (options, message) => {
    expect(() => createAuthorizeTokenSource(() => 't', options)).toThrow(message);
  });

  it('names the fix when the fetcher is missing', () => {
    expect(() => createAuthorizeTokenSource(undefined as never)).toThrow(
      /fetchAuthorizeToken must be a function that asks your server.*\/api\/flinks\/authorize-token/,
    );
  });
});
