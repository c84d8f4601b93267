// A mount over time: reload() and expiry load a fresh iframe, destroy() leaves nothing behind.
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  post,
  setupTestEnvironment,
  tokenIn,
} from '@flinks-embed/test-support/jsdom';
import { pendingFetcher, reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { trackListeners } from '@flinks-embed/test-support/listeners';
import { container } from '../test/mount-fixture';

setupTestEnvironment();

describe('mountFlinksConnect', () => {
  it('loads a fresh iframe element with a fresh token on reload() and on expiry, never reusing one', async () => {
    const fetcher = tokenFetcher((token) => ({ token, expiresIn: 120 }));
    const mount = mountFlinksConnect(container(), { instance: INSTANCE, fetchAuthorizeToken: fetcher });
    await flush();
    const first = frame();
    expect(tokenIn(first.src)).toBe('token-1');

    mount.reload();
    await flush();
    const second = frame();
    expect(second).not.toBe(first);
    expect(tokenIn(second.src)).toBe('token-2');
    expect(first.isConnected).toBe(false);
    post({ step: 'APP_MOUNTED' }); // or the load watchdog would report a timeout at 30 s

    // 120 s lifetime, 60 s margin: replaced at 60 s while unused.
    await advance(60_000);
    expect(tokenIn(frame().src)).toBe('token-3');
    expect(frame()).not.toBe(second);

    // Once the user submitted credentials, expiry never reloads it.
    post({ step: 'APP_MOUNTED' });
    post({ step: 'SUBMIT_CREDENTIAL' });
    await advance(10 * 60_000);
    expect(tokenIn(frame().src)).toBe('token-3');
    expect(reasons(fetcher)).toEqual(['mount', 'refresh', 'expired']);
  });

  it('destroy() removes what it rendered, aborts the fetch, and leaves no listener or timer', async () => {
    const onWindow = trackListeners(window);
    const onDocument = trackListeners(document);
    const { fetcher, calls } = pendingFetcher();
    const onError = vi.fn();
    const box = container();
    const mount = mountFlinksConnect(box, { instance: INSTANCE, fetchAuthorizeToken: fetcher, onError });
    await flush();
    expect(onWindow()).toEqual(expect.arrayContaining(['message', 'online']));
    expect(onDocument()).toContain('visibilitychange');
    const { signal } = calls[0]!.context;

    mount.destroy();
    expect(signal.aborted).toBe(true);
    expect(box.childNodes).toHaveLength(0);
    expect(onWindow()).toEqual([]);
    expect(onDocument()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);

    calls[0]!.resolve('late-token');
    await advance(60 * 60_000);
    mount.reload();
    mount.destroy();
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
    expect(box.childNodes).toHaveLength(0);
  });

  it('fetches nothing when destroyed in the task that mounted it', async () => {
    const fetcher = tokenFetcher();
    mountFlinksConnect(container(), { instance: INSTANCE, fetchAuthorizeToken: fetcher }).destroy();
    await advance(60_000);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('leaves a loaded iframe with no listener or timer behind when destroyed', async () => {
    const onWindow = trackListeners(window);
    const mount = mountFlinksConnect(container(), {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
    });
    await flush();
    expect(vi.getTimerCount()).toBe(2); // the expiry check and the load watchdog
    mount.destroy();
    expect(document.querySelector('iframe')).toBeNull();
    expect(onWindow()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
