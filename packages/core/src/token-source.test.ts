import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createAuthorizeTokenSource,
  FlinksConnectError,
  type AuthorizeTokenOptions,
  type AuthorizeTokenResponse,
  type TokenRequestContext,
} from './index';

const MINUTE = 60_000;

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

let clock = 0;
const now = () => clock;
const flush = () => vi.advanceTimersByTimeAsync(0);

beforeEach(() => {
  vi.useFakeTimers();
  clock = Date.UTC(2026, 10, 28, 12);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** Advances fake timers and the injected clock together, as real time would. */
async function elapse(ms: number) {
  const step = Math.min(ms, 1000);
  for (let done = 0; done < ms; done += step) {
    clock += Math.min(step, ms - done);
    await vi.advanceTimersByTimeAsync(Math.min(step, ms - done));
  }
}

function started(options: AuthorizeTokenOptions = {}) {
  const f = controlledFetcher();
  const source = createAuthorizeTokenSource(f.fetcher, { now, ...options });
  const stop = source.start();
  return { ...f, source, stop };
}

describe('fetching', () => {
  it('fetches once, one task after start, with reason "mount"', async () => {
    const { source, fetcher, last } = started();
    expect(fetcher).not.toHaveBeenCalled();
    expect(source.getState().status).toBe('idle');
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(last().ctx.reason).toBe('mount');
    expect(source.getState().status).toBe('loading');
    last().resolve('tok-1');
    await flush();
    expect(source.getState()).toEqual({
      status: 'ready',
      token: 'tok-1',
      expiresAt: clock + 30 * MINUTE,
      // Replaced a minute (refreshMarginMs) before it expires, if still unused.
      refreshAt: clock + 29 * MINUTE,
      error: null,
      used: false,
    });
  });

  it('fetches nothing when stopped in the same task it started in (StrictMode), once after the restart', async () => {
    const { source, fetcher, stop } = started();
    stop();
    source.start();
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('aborts the request and drops its answer when stopped', async () => {
    const { source, last, stop } = started();
    await flush();
    const { ctx, resolve } = last();
    stop();
    expect(ctx.signal.aborted).toBe(true);
    resolve('late');
    await flush();
    expect(source.getState().status).toBe('idle');
    expect(source.getState().token).toBeNull();
  });

  it('leaves no timer, listener or notification behind after dispose', async () => {
    const removed = vi.spyOn(document, 'removeEventListener');
    const { source, last } = started();
    const listener = vi.fn();
    source.subscribe(listener);
    await flush();
    const { ctx, resolve } = last();
    source.dispose();
    expect(ctx.signal.aborted).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
    expect(removed).toHaveBeenCalledWith('visibilitychange', expect.any(Function));
    listener.mockClear();
    resolve('late');
    source.start();
    await elapse(60 * MINUTE);
    expect(listener).not.toHaveBeenCalled();
  });

  it('drops an older answer that arrives after a newer request started', async () => {
    const { source, calls, last } = started();
    await flush();
    source.refresh();
    expect(calls).toHaveLength(2);
    expect(calls[0]!.ctx.signal.aborted).toBe(true);
    expect(last().ctx.reason).toBe('refresh');
    last().resolve('new');
    calls[0]!.resolve('old');
    await flush();
    expect(source.getState().token).toBe('new');
  });

  it('notifies subscribers until they unsubscribe', async () => {
    const { source, last } = started();
    const listener = vi.fn();
    const unsubscribe = source.subscribe(listener);
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    last().resolve('t');
    await flush();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('accepts a fetcher that answers synchronously', async () => {
    const source = createAuthorizeTokenSource(() => 'sync-token', { now });
    source.start();
    await flush();
    expect(source.getState().token).toBe('sync-token');
  });

  it('ignores refresh while stopped', async () => {
    const { source, fetcher, stop } = started();
    stop();
    source.refresh();
    await elapse(1000);
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe('a device clock that is wrong', () => {
  const HOUR = 60 * MINUTE;
  const SKEWS: [string, number][] = [
    ['12 h behind', -12 * HOUR],
    ['1 h behind', -HOUR],
    ['61 s behind', -61_000],
    ['61 s ahead', 61_000],
    ['29 min 59 s ahead', 29 * MINUTE + 59_000],
    ['1 h ahead', HOUR],
    ['12 h ahead', 12 * HOUR],
  ];
  /** A token endpoint on a correct clock: 30-minute tokens, answered after 300 ms. */
  function server(skewMs: number, shape: 'handler' | 'expiresAt only') {
    const startedAt: number[] = [];
    const fetcher = vi.fn(async () => {
      startedAt.push(clock);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const token = `t${startedAt.length}`;
      const expiresAt = clock - skewMs + 30 * MINUTE;
      return shape === 'handler' ? { token, expiresIn: 1800, expiresAt } : { token, expiresAt };
    });
    return { fetcher, startedAt };
  }

  describe.each(SKEWS)('%s', (_, skew) => {
    it.each(['handler', 'expiresAt only'] as const)(
      'with the %s answer: one refresh per lifetime, never later than the token lives',
      async (shape) => {
        const { fetcher, startedAt } = server(skew, shape);
        const source = createAuthorizeTokenSource(fetcher, { now });
        source.start();
        await elapse(3 * 30 * MINUTE);
        // At 0, 29, 58 and 87 minutes: a refresh one margin before each token dies, and no storm.
        expect(fetcher).toHaveBeenCalledTimes(4);
        const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]!);
        for (const gap of gaps) {
          expect(gap).toBeGreaterThanOrEqual(29 * MINUTE);
          expect(gap).toBeLessThan(30 * MINUTE);
        }
        expect(source.getState()).toMatchObject({ status: 'ready', token: 't4' });
        source.dispose();
      },
    );
  });
});

describe('expiry', () => {
  it('replaces an unused token exactly at expiry - margin, not before', async () => {
    const { source, fetcher, last } = started({ tokenLifetimeMs: 10 * MINUTE, refreshMarginMs: MINUTE });
    await flush();
    const requestedAt = clock;
    last().resolve('first');
    await flush();
    await elapse(requestedAt + 9 * MINUTE - 1 - clock);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(last().ctx.reason).toBe('expired');
    expect(source.getState()).toMatchObject({ status: 'loading', token: null });
    last().resolve('second');
    await flush();
    expect(source.getState().token).toBe('second');
  });

  it('honours a server-supplied expiresIn, timed from the start of the request', async () => {
    const { source, fetcher, last } = started();
    await flush();
    const requestedAt = clock;
    await elapse(2000); // the request takes a while: expiry counts from its start
    last().resolve({ token: 't', expiresIn: 600, expiresAt: 'ignored when expiresIn is there' });
    await flush();
    expect(source.getState().expiresAt).toBe(requestedAt + 10 * MINUTE);
    await elapse(requestedAt + 9 * MINUTE - 1 - clock);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['epoch ms', (t: number) => t + 5 * MINUTE],
    ['an ISO string', (t: number) => new Date(t + 7 * MINUTE).toISOString()],
    ['a Date', (t: number) => new Date(t + 8 * MINUTE)],
    ['a time long past on this clock', (t: number) => t - 60 * MINUTE],
  ])(
    'accepts expiresAt alone as %s, and times the token as tokenLifetimeMs from the request',
    async (_, at) => {
      const { source, fetcher, last } = started({ tokenLifetimeMs: 20 * MINUTE });
      await flush();
      const requestedAt = clock;
      await elapse(2000);
      last().resolve({ token: 't', expiresAt: at(requestedAt) });
      await flush();
      expect(source.getState()).toMatchObject({ status: 'ready', expiresAt: requestedAt + 20 * MINUTE });
      await elapse(requestedAt + 19 * MINUTE - 1 - clock);
      expect(fetcher).toHaveBeenCalledTimes(1);
      await elapse(1);
      expect(fetcher).toHaveBeenCalledTimes(2);
    },
  );

  it('never replaces a used token', async () => {
    const { source, fetcher, last } = started();
    await flush();
    last().resolve('t');
    await flush();
    source.markUsed();
    expect(source.getState()).toMatchObject({ token: 't', used: true });
    await elapse(3 * 60 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('keeps the token the user submitted when credentials arrive during its replacement', async () => {
    const { source, last } = started({ tokenLifetimeMs: 10 * MINUTE });
    await flush();
    last().resolve('in-iframe');
    await flush();
    await elapse(9 * MINUTE);
    const replacement = last();
    expect(replacement.ctx.reason).toBe('expired');
    source.markUsed();
    expect(replacement.ctx.signal.aborted).toBe(true);
    replacement.resolve('replacement');
    await flush();
    expect(source.getState()).toMatchObject({ status: 'ready', token: 'in-iframe', used: true });
  });

  it('catches a clock jump on visibilitychange with no timer firing', async () => {
    const { fetcher, last } = started();
    await flush();
    last().resolve('t');
    await flush();
    clock += 31 * MINUTE; // a sleeping laptop: the wall clock moved, the timers did not
    expect(fetcher).toHaveBeenCalledTimes(1);
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(last().ctx.reason).toBe('expired');
  });

  it('catches a clock jump when the browser comes back online', async () => {
    const { fetcher, last } = started();
    await flush();
    last().resolve('t');
    await flush();
    window.dispatchEvent(new Event('online'));
    expect(fetcher).toHaveBeenCalledTimes(1);
    clock += 29.5 * MINUTE;
    window.dispatchEvent(new Event('online'));
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('re-arms instead of refreshing when a timer fires before the wall clock says so', async () => {
    const { fetcher, last } = started();
    await flush();
    last().resolve('t');
    await flush();
    await vi.advanceTimersByTimeAsync(29 * MINUTE); // timers ran, the injected clock did not move
    expect(fetcher).toHaveBeenCalledTimes(1);
    clock += 29 * MINUTE;
    await vi.advanceTimersByTimeAsync(29 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('waits out a token that lives longer than setTimeout can count (24.8 days) without a loop', async () => {
    const clockReads = vi.fn(now);
    const { fetcher, calls, last } = started({ now: clockReads });
    await flush();
    last().resolve({ token: 't', expiresIn: 40 * 24 * 3600 });
    await flush();
    const reads = clockReads.mock.calls.length;
    await elapse(10_000);
    expect(clockReads.mock.calls.length - reads).toBeLessThanOrEqual(1);
    // An hour at a time to an hour before expiry - margin, then a second at a time.
    const hour = 60 * MINUTE;
    for (let hours = 1; hours < 40 * 24; hours++) {
      clock += hour;
      await vi.advanceTimersByTimeAsync(hour);
    }
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(hour - MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(calls[1]!.ctx.reason).toBe('expired');
  });

  it('refreshes a token shorter-lived than the margin halfway through its life, without a loop', async () => {
    const { fetcher, last } = started();
    await flush();
    last().resolve({ token: 't', expiresIn: 30 });
    await flush();
    await elapse(14_999);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

describe('failures', () => {
  it('retries with exponential backoff: half to all of 500 ms, then of 1000 ms', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetcher, last } = started();
    await flush();
    last().reject(new Error('network down'));
    await elapse(249);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
    random.mockReturnValue(1);
    last().reject(new Error('network down'));
    await elapse(999);
    expect(fetcher).toHaveBeenCalledTimes(2);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(last().ctx.reason).toBe('mount');
  });

  it('caps the delay at maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { fetcher, last } = started({ retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 1500 } });
    await flush();
    for (let n = 1; n <= 4; n++) {
      last().reject(new Error('x'));
      await elapse(Math.min(1000 * 2 ** (n - 1), 1500) - 1);
      expect(fetcher).toHaveBeenCalledTimes(n);
      await elapse(1);
      expect(fetcher).toHaveBeenCalledTimes(n + 1);
    }
  });

  it('ends in a typed error after the last attempt, and refresh("retry") recovers', async () => {
    const cause = new Error('503 from /api/flinks/authorize-token');
    const { source, fetcher, last } = started();
    for (let n = 0; n < 3; n++) {
      await elapse(1000);
      last().reject(cause);
    }
    await flush();
    const { status, error } = source.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(FlinksConnectError);
    expect(error).toMatchObject({ code: 'token_fetch_failed', cause });
    expect(error!.message).toContain('attempt 3 of 3');
    await elapse(60 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(3);
    source.refresh('retry');
    expect(last().ctx.reason).toBe('retry');
    last().resolve('recovered');
    await flush();
    expect(source.getState()).toMatchObject({ status: 'ready', token: 'recovered', error: null });
  });

  it('tries once with retry: false', async () => {
    const { source, fetcher, last } = started({ retry: false });
    await flush();
    last().reject(new Error('x'));
    await elapse(10_000);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(source.getState().status).toBe('error');
  });

  it('aborts an attempt after fetchTimeoutMs, even when the fetcher ignores the signal', async () => {
    const { source, fetcher, calls } = started({
      fetchTimeoutMs: 5000,
      retry: { attempts: 2, baseDelayMs: 100 },
    });
    await flush();
    await elapse(4999);
    expect(calls[0]!.ctx.signal.aborted).toBe(false);
    await elapse(1);
    expect(calls[0]!.ctx.signal.aborted).toBe(true);
    expect((calls[0]!.ctx.signal.reason as DOMException).name).toBe('TimeoutError');
    await elapse(100);
    expect(fetcher).toHaveBeenCalledTimes(2);
    calls[0]!.resolve('too late');
    await elapse(5000);
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_timeout' });
    expect(source.getState().error!.message).toMatch(/within 5000 ms \(attempt 2 of 2\).*fetchTimeoutMs/);
  });

  const SECRET = 'tok-3f1c9a77-SECRET';
  it.each([
    ['undefined', undefined, /resolved to undefined, not a token/],
    ['an empty string', '', /resolved to an empty string, not a token/],
    ['a number', 42, /resolved to a number, not a token/],
    ['null', null, /resolved to null, not a token/],
    ['an empty object', {}, /resolved to an object with no keys, not a token/],
    ['an empty token', { token: '' }, /resolved to an object with keys token, not a token/],
    ['a misnamed field', { Token: SECRET }, /resolved to an object with keys Token, not a token/],
    ['an array', [SECRET], /resolved to an array, not a token/],
    ['a bad expiresAt', { token: SECRET, expiresAt: 'soon' }, /unreadable expiresAt \(a string\)/],
    ['a bad expiresIn', { token: SECRET, expiresIn: -5 }, /invalid expiresIn \(a number\)/],
    [
      'expiresAt in seconds',
      { token: SECRET, expiresAt: 1_790_000_000 },
      /looks like seconds since the epoch/,
    ],
  ])('explains an answer of %s without showing it', async (_, answer, message) => {
    const { source } = createSourceAnswering(answer);
    await elapse(5000);
    const { error } = source.getState();
    expect(error).toMatchObject({ code: 'invalid_token_response' });
    expect(error!.message).toMatch(message);
    expect(error!.message).toMatch(/attempt 3 of 3/);
    expect(error!.message).not.toContain(SECRET);
  });

  it.each([
    ['a string', 'boom', /rejected with a string, not an Error/],
    ['a number', 42, /rejected with a number, not an Error/],
    ['null', null, /rejected with null, not an Error/],
  ])('explains a rejection with %s and keeps it as the cause', async (_, reason, message) => {
    const source = createAuthorizeTokenSource(() => Promise.reject(reason), { now, retry: false });
    source.start();
    await flush();
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_failed', cause: reason });
    expect(source.getState().error!.message).toMatch(message);
  });

  it('treats a fetcher that throws synchronously like a rejection', async () => {
    const source = createAuthorizeTokenSource(
      () => {
        throw new TypeError('fetch is not defined');
      },
      { now, retry: false },
    );
    source.start();
    await flush();
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_failed' });
  });

  it('prints nothing to the console, whatever happens', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { source, last } = started();
    await flush();
    last().reject(new Error(SECRET));
    await elapse(1000);
    last().resolve({ token: SECRET, expiresAt: 5 });
    await elapse(2000);
    last().resolve(SECRET);
    await elapse(40 * MINUTE);
    source.dispose();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

function createSourceAnswering(answer: unknown) {
  const source = createAuthorizeTokenSource(() => Promise.resolve(answer as AuthorizeTokenResponse), { now });
  source.start();
  return { source };
}

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
