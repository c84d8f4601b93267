import { describe, expect, it, vi } from 'vitest';
import { flush, post, session } from '../test/connect-session-fixture';

describe('app callbacks that throw', () => {
  // Browsers report the app's error with reportError, as an uncaught error (jsdom has none).
  const thrown = () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    return {
      get all() {
        return reportError.mock.calls.map(([error]) => error as unknown);
      },
      done: () => vi.unstubAllGlobals(),
    };
  };

  it('cannot stop the session: TOKEN_INVALID still fails the load, REDIRECT still reaches onRedirect', async () => {
    const boom = new Error('app bug in onEvent');
    const uncaught = thrown();
    const { s, handlers } = session();
    handlers.onEvent.mockImplementation(() => {
      throw boom;
    });
    s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital' });
    expect(handlers.onRedirect).toHaveBeenCalledOnce();
    post({ step: 'TOKEN_INVALID' });
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'token_rejected' } });
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_rejected' }));
    // Rethrown from a task of its own, as an uncaught error, not swallowed.
    expect(uncaught.all).toEqual([boom, boom]);
    uncaught.done();
  });

  it.each(['onRedirect', 'onError', 'onInvalidMessage'] as const)(
    'isolates a throwing %s too',
    async (name) => {
      const uncaught = thrown();
      const { s, handlers } = session();
      handlers[name].mockImplementation(() => {
        throw new Error(name);
      });
      s.start();
      await flush();
      post('{oops');
      post({ step: 'REDIRECT', loginId: 'L-1' });
      post({ flinksCode: 'INVALID_LOGIN' });
      post({ step: 'TOKEN_INVALID' });
      expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'token_rejected' } });
      expect(handlers.onEvent.mock.calls.map(([e]) => (e.type === 'step' ? e.step : e.flinksCode))).toEqual([
        'REDIRECT',
        'INVALID_LOGIN',
        'TOKEN_INVALID',
      ]);
      expect(uncaught.all.length).toBeGreaterThan(0);
      expect(uncaught.all.every((e) => (e as Error).message === name)).toBe(true);
      uncaught.done();
    },
  );

  it('turns a fetcher that throws synchronously into a retried token_fetch_failed with the cause', async () => {
    const bug = new TypeError('fetcher bug');
    const fetcher = vi.fn(() => {
      throw bug;
    });
    const { s, handlers } = session({
      fetchAuthorizeToken: fetcher,
      retry: { attempts: 2, baseDelayMs: 10 },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(s.getState()).toMatchObject({
      status: 'error',
      error: { code: 'token_fetch_failed', cause: bug },
    });
    expect(handlers.onError).toHaveBeenCalledOnce();
  });
});
