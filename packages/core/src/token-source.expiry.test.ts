// When the token source replaces a token: expiry minus the margin, never once used, and after clock jumps.
import { describe, expect, it, vi } from 'vitest';
import { clock, elapse, flush, MINUTE, moveClock, now, started } from '../test/token-source-fixture';

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
    moveClock(31 * MINUTE); // a sleeping laptop: the wall clock moved, the timers did not
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
    moveClock(29.5 * MINUTE);
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
    moveClock(29 * MINUTE);
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
      moveClock(hour);
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
