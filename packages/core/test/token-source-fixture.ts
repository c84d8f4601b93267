// What the token source's tests share: a fetcher the test answers by hand, an injected wall clock
// that moves with fake time, and a started source. Importing it registers the hooks; `clock` is a
// live binding, reset for every test.
import { afterEach, beforeEach, vi } from 'vitest';
import {
  createAuthorizeTokenSource,
  type AuthorizeTokenOptions,
  type AuthorizeTokenResponse,
  type TokenRequestContext,
} from '../src/index';

export const MINUTE = 60_000;

/** A fetcher whose every call waits for the test to answer it. */
function controlledFetcher() {
  const calls: {
    ctx: TokenRequestContext;
    resolve: (value: unknown) => void;
    reject: (reason: unknown) => void;
  }[] = [];
  const fetcher = vi.fn(
    (ctx: TokenRequestContext) =>
      new Promise<AuthorizeTokenResponse>((resolve, reject) => {
        calls.push({ ctx, resolve: resolve as (value: unknown) => void, reject });
      }),
  );
  return { fetcher, calls, last: () => calls[calls.length - 1]! };
}

export let clock = 0;
export const now = () => clock;
export const flush = () => vi.advanceTimersByTimeAsync(0);

/** Moves the injected wall clock alone: no timer runs (a sleeping laptop, a clock jump). */
export function moveClock(ms: number) {
  clock += ms;
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = Date.UTC(2026, 10, 28, 12);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Advances fake timers and the injected clock together, as real time would. */
export async function elapse(ms: number) {
  const step = Math.min(ms, 1000);
  for (let done = 0; done < ms; done += step) {
    clock += Math.min(step, ms - done);
    await vi.advanceTimersByTimeAsync(Math.min(step, ms - done));
  }
}

export function started(options: AuthorizeTokenOptions = {}) {
  const f = controlledFetcher();
  const source = createAuthorizeTokenSource(f.fetcher, { now, ...options });
  const stop = source.start();
  return { ...f, source, stop };
}
