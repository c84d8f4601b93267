// The token source's fetch: once per start, abortable, superseded answers dropped, nothing left after dispose.
import { describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenSource } from './index';
import { clock, elapse, flush, MINUTE, now, started } from '../test/token-source-fixture';

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
