import { describe, expect, it, vi } from 'vitest';
import { flush, post, requests, session, tokenIn } from '../test/connect-session-fixture';

describe('the load watchdog', () => {
  it('reports iframe_load_timeout when APP_MOUNTED does not arrive, and retries with a new token', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(s.getState()).toMatchObject({
      status: 'error',
      src: null,
      error: { code: 'iframe_load_timeout' },
    });
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
    s.reload();
    await flush();
    expect(requests.at(-1)!.reason).toBe('retry');
    expect(tokenIn(s.getState().src)).toBe('token-2');
  });

  it('stands down the watchdog on APP_MOUNTED', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    expect(s.getState().mounted).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(s.getState().status).toBe('ready');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('fails fast with iframe_load_timeout when the frame loads but APP_MOUNTED does not follow', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 30_000, mountTimeoutMs: 4_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(1_000);
    s.frameLoaded(); // the browser's error page, say: it loads, and never posts
    await vi.advanceTimersByTimeAsync(3_999);
    expect(s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(s.getState()).toMatchObject({
      status: 'error',
      src: null,
      error: { code: 'iframe_load_timeout' },
    });
    expect(handlers.onError).toHaveBeenCalledOnce();
    expect(handlers.onError.mock.calls[0]![0].message).toContain('mountTimeoutMs');
    // A frame the page's CSP blocks shows the browser's error page: the message names frame-src.
    expect(handlers.onError.mock.calls[0]![0].message).toMatch(/Content-Security-Policy frame-src/);
    // The outer watchdog is gone with it: no second error later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
  });

  it('waits 5 s after the load by default, and keeps loadTimeoutMs as the bound for a frame that never loads', async () => {
    const { s } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(s.getState().status).toBe('ready');
    // Loaded late: the outer bound still holds, the grace does not push it back.
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'iframe_load_timeout' } });

    const quick = session();
    quick.s.start();
    await flush();
    quick.s.frameLoaded();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(quick.s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(quick.s.getState().error?.code).toBe('iframe_load_timeout');
  });

  it('never fails a load once APP_MOUNTED came, whatever loads after it', async () => {
    const { s, handlers } = session({ mountTimeoutMs: 1_000 });
    s.start();
    await flush();
    s.frameLoaded();
    post({ step: 'APP_MOUNTED' }); // Connect's app may mount just after its document loads
    await vi.advanceTimersByTimeAsync(5_000);
    s.frameLoaded(); // a later navigation of the frame (a third-site redirectUrl, say)
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.getState().status).toBe('ready');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('gives a new load its own grace, and rejects a mountTimeoutMs that is not positive', async () => {
    expect(() => session({ mountTimeoutMs: 0 })).toThrow(/mountTimeoutMs must be a positive number/);
    const { s, handlers } = session({ mountTimeoutMs: 1_000 });
    s.start();
    await flush();
    s.frameLoaded();
    s.reload(); // a fresh token and a fresh iframe: the old load's grace is dropped
    await flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.getState().status).toBe('ready');
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
    // Ignored with no iframe (error shown) and when stopped.
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
  });
});
