import { describe, expect, it, vi } from 'vitest';
import { prefetchAuthorizeToken, type ConnectStatus, type FetchAuthorizeToken } from './index';
import { flush, iframe, MINUTE, post, requests, session, tokenIn } from '../test/connect-session-fixture';

const SECOND = 1_000;

describe('initialToken: a first token minted before the session', () => {
  it('is in the first src before start (what a server renders), and loads without a fetch', async () => {
    const { s } = session({ initialToken: { token: 'server-token', expiresIn: 1_800 } });
    expect(tokenIn(s.getState().src)).toBe('server-token');
    s.start();
    await flush();
    expect(s.getState()).toMatchObject({ status: 'ready' });
    expect(tokenIn(s.getState().src)).toBe('server-token');
    expect(requests).toEqual([]);
  });

  it('is used for one load only: a remount or a params change asks the fetcher', async () => {
    const initialToken = { token: 'server-token' };
    const { s: first } = session({ initialToken });
    first.start();
    await flush();
    first.dispose();
    for (const params of [{ demo: true }, { demo: true, language: 'fr' as const }]) {
      const { s } = session({ initialToken, params });
      expect(s.getState().src).toBeNull();
      s.start();
      await flush();
      expect(tokenIn(s.getState().src)).toMatch(/^token-/);
      s.dispose();
    }
    expect(requests.map((r) => r.reason)).toEqual(['mount', 'mount']);
  });

  it('survives StrictMode (start, stop, start): one load, no fetch', async () => {
    const { s } = session({ initialToken: { token: 'server-token' } });
    const srcs = new Set<string | null>([s.getState().src]);
    s.subscribe(() => srcs.add(s.getState().src));
    s.start()();
    s.start();
    await flush();
    expect([...srcs].map(tokenIn)).toEqual(['server-token']);
    expect(requests).toEqual([]);
  });

  it('is replaced while unused by its age on the page clock, not by the device or server clock', async () => {
    // The page has been open 4 minutes when it hydrates; the device clock is 5 hours off.
    await vi.advanceTimersByTimeAsync(4 * MINUTE);
    const age = performance.now();
    const { s } = session({
      initialToken: { token: 'server-token', expiresIn: 600, expiresAt: Date.now() + 9 * 3_600_000 },
      now: () => Date.now() + 5 * 3_600_000,
    });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    // 10 minutes of life, minus the page's age, minus the 1 minute margin.
    const refreshIn = 10 * MINUTE - age - MINUTE;
    await vi.advanceTimersByTimeAsync(refreshIn - SECOND);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(requests.map((r) => r.reason)).toEqual(['expired']);
    expect(tokenIn(s.getState().src)).toBe('token-1');
  });

  it('without expiresIn, lives tokenLifetimeMs counted from the start of the page', async () => {
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    const age = performance.now();
    const { s } = session({ initialToken: { token: 'server-token' }, tokenLifetimeMs: 10 * MINUTE });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(10 * MINUTE - age - MINUTE - SECOND);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(requests.map((r) => r.reason)).toEqual(['expired']);
  });

  it('is not loaded when its age says it expired: the fetcher gives the first token instead', async () => {
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    const { s } = session({ initialToken: { token: 'old-token', expiresIn: 120 } });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    expect(requests.map((r) => r.reason)).toEqual(['mount']);
  });

  it.each([
    ['null (the server mint failed)', () => null],
    ['a rejected promise', () => Promise.reject(new Error('mint failed'))],
    ['an answer that is not a token', () => ({ token: '' })],
  ])('falls back to the fetcher when it is %s, with no error', async (_, initialToken) => {
    const { s, handlers } = session({ initialToken: initialToken() });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('names the fix for a bare string', () => {
    expect(() => session({ initialToken: 'server-token' as never })).toThrow(
      /\{ token, expiresIn\?, expiresAt\? \}/,
    );
  });
});

describe('a spent first token', () => {
  it('loads once more with a fresh token, no error shown, reported to the app; once only', async () => {
    const statuses: ConnectStatus[] = [];
    const onError = vi.fn();
    const { s } = session({
      initialToken: { token: 'spent-token' },
      handlers: { onError, onStatusChange: (status) => statuses.push(status) },
    });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    expect(s.getState()).toMatchObject({ status: 'ready', error: null, mounted: false });
    expect(requests.map((r) => r.reason)).toEqual(['retry']);
    expect(statuses.map((x) => x.status)).toContain('loading');
    expect(statuses.at(-1)).toMatchObject({ status: 'ready', mounted: false });
    expect(onError).not.toHaveBeenCalled();
    // The fetcher's token rejected too: that is an error, as without a first token.
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    await flush();
    expect(s.getState()).toMatchObject({ status: 'error', src: null });
    expect(s.getState().error?.code).toBe('token_rejected');
    expect(requests).toHaveLength(1);
  });

  it('tells onEvent that Connect rejected it', async () => {
    const onEvent = vi.fn();
    const { s } = session({ initialToken: { token: 'spent-token' }, handlers: { onEvent } });
    s.start();
    await flush();
    post({ step: 'TOKEN_INVALID' });
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ type: 'step', step: 'TOKEN_INVALID' }));
  });
});

describe('the adopted first load', () => {
  it('runs no load watchdog (Connect may have mounted before anyone listened); later loads do', async () => {
    const { s, handlers } = session({ initialToken: { token: 'server-token' }, loadTimeoutMs: 10 * SECOND });
    s.start();
    await flush();
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(handlers.onError).not.toHaveBeenCalled();
    expect(s.getState().status).toBe('ready');
    s.reload();
    await flush();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
  });

  it('is watched like any load when the binding created its iframe itself (start(true): a client render)', async () => {
    const { s, handlers } = session({ initialToken: { token: 'server-token' }, loadTimeoutMs: 10 * SECOND });
    s.start(true);
    await flush();
    await vi.advanceTimersByTimeAsync(10 * SECOND - 1);
    expect(handlers.onError).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
  });

  it('a first token given as a promise is a load like any other, with its watchdog', async () => {
    const { s, handlers } = session({
      initialToken: Promise.resolve({ token: 'prefetched' }),
      loadTimeoutMs: 10 * SECOND,
    });
    expect(s.getState().src).toBeNull();
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('prefetched');
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
  });
});

describe('prefetchAuthorizeToken', () => {
  const fetcher = () => vi.fn<FetchAuthorizeToken>(async () => ({ token: 'prefetched', expiresIn: 600 }));

  it('asks now, and the session loads its answer without asking again', async () => {
    const fetch = fetcher();
    const initialToken = prefetchAuthorizeToken(fetch);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch.mock.calls[0]![0]).toMatchObject({ reason: 'mount' });
    const { s } = session({ initialToken });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('prefetched');
    expect(requests).toEqual([]);
  });

  it('counts its age from the prefetch, not from the load', async () => {
    const initialToken = prefetchAuthorizeToken(fetcher());
    await vi.advanceTimersByTimeAsync(3 * MINUTE);
    const { s } = session({ initialToken });
    s.start();
    await flush();
    // 10 minutes of life, 3 gone, 1 of margin.
    post({ step: 'APP_MOUNTED' });
    await vi.advanceTimersByTimeAsync(6 * MINUTE - SECOND);
    expect(requests).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(requests.map((r) => r.reason)).toEqual(['expired']);
  });

  it('is never loaded twice: a second session asks the fetcher', async () => {
    const initialToken = prefetchAuthorizeToken(fetcher());
    const { s: first } = session({ initialToken });
    first.start();
    await flush();
    const { s: second } = session({ initialToken });
    second.start();
    await flush();
    expect(tokenIn(second.getState().src)).toBe('token-1');
  });

  it('is abortable: the fetcher sees the signal, and the session falls back to the fetcher', async () => {
    const controller = new AbortController();
    const fetch = vi.fn<FetchAuthorizeToken>(() => new Promise<string>(() => {}));
    const initialToken = prefetchAuthorizeToken(fetch, { signal: controller.signal });
    expect(fetch.mock.calls[0]![0]!.signal).toBe(controller.signal);
    controller.abort();
    const { s, handlers } = session({ initialToken });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('is simply dropped when never loaded: no unhandled rejection, nothing loaded', async () => {
    // Vitest fails the run on an unhandled rejection.
    const failing = vi.fn<FetchAuthorizeToken>(async () => {
      throw new Error('token endpoint down');
    });
    prefetchAuthorizeToken(failing);
    vi.useRealTimers();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(failing).toHaveBeenCalledTimes(1);
    expect(iframe.src).toBe('');
  });

  it('names the fix when the fetcher is missing', () => {
    expect(() => prefetchAuthorizeToken(undefined as never)).toThrow(/fetchAuthorizeToken function/);
  });
});
