// A server-rendered iframe: what Connect said before the session listened, kept by the script the
// server renders before the iframe, and replayed once.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { EARLY_MESSAGES_SCRIPT } from './index';
import { flush, post, requests, session, tokenIn } from '../test/connect-session-fixture';

const SECOND = 1_000;

describe('messages before the session listened (a server-rendered iframe)', () => {
  type Kept = MessageEvent[] & { done?: boolean };
  const kept = () => (window as unknown as { __flinksEarly: Kept }).__flinksEarly;
  beforeAll(() => {
    // What the server's HTML runs before the iframe, once per page.
    window.eval(EARLY_MESSAGES_SCRIPT);
  });
  beforeEach(() => {
    kept().length = 0;
    kept().done = false;
  });

  it('replays APP_MOUNTED from before hydration: mounted, and no false load timeout', async () => {
    const { s, handlers } = session({ initialToken: { token: 'server-token' }, loadTimeoutMs: 10 * SECOND });
    post({ step: 'APP_MOUNTED' });
    s.start();
    await flush();
    expect(s.getState()).toMatchObject({ mounted: true, status: 'ready' });
    await vi.advanceTimersByTimeAsync(60 * SECOND);
    expect(handlers.onError).not.toHaveBeenCalled();
    // Kept no more once a session took them.
    post({ step: 'APP_ONLINE' });
    expect(kept()).toHaveLength(1);
  });

  it('replays TOKEN_INVALID from before hydration: the spent token is replaced, with no error', async () => {
    const { s, handlers } = session({ initialToken: { token: 'spent-token' } });
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    // The session's first request, which had not gone out yet, is the fresh one.
    expect(requests.map((r) => r.reason)).toEqual(['mount']);
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('replays them once under StrictMode (start, stop, start): one fetch, each event told once', async () => {
    const onEvent = vi.fn();
    const { s } = session({ initialToken: { token: 'spent-token' }, handlers: { onEvent } });
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    s.start()();
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
    expect(requests.map((r) => r.reason)).toEqual(['mount']);
    expect(onEvent.mock.calls.map(([event]) => event.step)).toEqual(['APP_MOUNTED', 'TOKEN_INVALID']);
  });

  it('gives them to the first session only: a later one (a client-side navigation) hears none', async () => {
    const { s: first } = session({ initialToken: { token: 'server-token' } });
    post({ step: 'APP_MOUNTED' });
    first.start();
    await flush();
    first.dispose();
    const onEvent = vi.fn();
    const { s: later } = session({ initialToken: { token: 'next-page-token' }, handlers: { onEvent } });
    later.start();
    await flush();
    expect(onEvent).not.toHaveBeenCalled();
    expect(later.getState().mounted).toBe(false);
  });

  it('are not for a first iframe the binding created itself (start(true)): it neither hears nor takes them', async () => {
    const onEvent = vi.fn();
    const { s: fresh } = session({ initialToken: { token: 'client-token' }, handlers: { onEvent } });
    post({ step: 'APP_MOUNTED' });
    fresh.start(true);
    await flush();
    expect(onEvent).not.toHaveBeenCalled();
    expect(fresh.getState().mounted).toBe(false);
    fresh.dispose();
    const { s: served } = session({ initialToken: { token: 'server-token' } });
    served.start();
    await flush();
    expect(served.getState().mounted).toBe(true);
  });

  it('with the script, a Connect that never mounts is a load error as usual', async () => {
    const { s, handlers } = session({ initialToken: { token: 'server-token' }, loadTimeoutMs: 10 * SECOND });
    s.start();
    await vi.advanceTimersByTimeAsync(10 * SECOND);
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
  });

  it("ignores other windows' messages it kept", async () => {
    const { s, handlers } = session({ initialToken: { token: 'server-token' } });
    post({ step: 'TOKEN_INVALID' }, { source: window });
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('server-token');
    expect(handlers.onInvalidMessage).toHaveBeenCalledWith(
      { step: 'TOKEN_INVALID' },
      { reason: 'other_window' },
    );
  });
});
