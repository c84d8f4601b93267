import { describe, expect, it, vi } from 'vitest';
import { flush, MINUTE, post, session } from '../test/connect-session-fixture';

describe('onStatusChange', () => {
  it('reports status, mounted, used, expiry and refresh times, never the token, and nothing on stop', async () => {
    const onStatusChange = vi.fn();
    const start = Date.now();
    const { s } = session({
      tokenLifetimeMs: 10 * MINUTE,
      handlers: { onStatusChange },
    });
    const stop = s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    post({ step: 'SUBMIT_CREDENTIAL' });
    const expiresAt = start + 10 * MINUTE;
    expect(onStatusChange.mock.calls.map(([status]) => status)).toEqual([
      { status: 'loading', mounted: false, used: false, expiresAt: null, refreshAt: null },
      { status: 'ready', mounted: false, used: false, expiresAt, refreshAt: expiresAt - MINUTE },
      { status: 'ready', mounted: true, used: false, expiresAt, refreshAt: expiresAt - MINUTE },
      // Used: never refreshed again.
      { status: 'ready', mounted: true, used: true, expiresAt, refreshAt: null },
    ]);
    expect(JSON.stringify(onStatusChange.mock.calls)).not.toContain('token-1');
    // Messages that change nothing it reports are not reported.
    post({ step: 'COMPONENT_LOAD_MFA' });
    stop();
    expect(onStatusChange).toHaveBeenCalledTimes(4);
  });

  it('reports the replacement when an unused token nears its expiry', async () => {
    const onStatusChange = vi.fn();
    const start = Date.now();
    const { s } = session({ tokenLifetimeMs: 10 * MINUTE, handlers: { onStatusChange } });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    const statuses = onStatusChange.mock.calls.map(([status]) => status);
    // The old token stays on screen while its replacement is fetched.
    expect(statuses.at(-2)).toMatchObject({ status: 'loading', expiresAt: start + 10 * MINUTE });
    expect(statuses.at(-1)).toMatchObject({
      status: 'ready',
      mounted: false,
      expiresAt: start + 19 * MINUTE,
      refreshAt: start + 18 * MINUTE,
    });
  });
});
