// When an unused token is replaced: at expiry minus the margin, on the wall clock when the tab is
// visible again, and never once credentials are submitted.
import { act, render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FlinksConnect, type FlinksConnectProps } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  MINUTE,
  post,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> token rules', () => {
  it('replaces an unused token at expiry minus the margin, and never once credentials are submitted', async () => {
    const fetcher = tokenFetcher();
    const props: FlinksConnectProps = { instance: INSTANCE, fetchAuthorizeToken: fetcher };
    render(<FlinksConnect {...props} />);
    await flush();
    post({ step: 'APP_MOUNTED' });
    const first = frame();

    // Default lifetime 30 minutes, margin 60 s: replaced at 29 minutes.
    await advance(29 * MINUTE - 1);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(frame()).toBe(first);
    await advance(1);
    expect(reasons(fetcher)).toEqual(['mount', 'expired']);
    expect(frame()).not.toBe(first);
    expect(tokenIn(frame().src)).toBe('token-2');

    post({ step: 'APP_MOUNTED' });
    post({ step: 'COMPONENT_LOAD_CREDENTIAL' });
    post({ step: 'SUBMIT_CREDENTIAL' });
    const used = frame();
    await advance(5 * 60 * MINUTE);
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      window.dispatchEvent(new Event('online'));
    });
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(frame()).toBe(used);
    expect(tokenIn(frame().src)).toBe('token-2');
  });

  it('checks the injected wall clock when the tab becomes visible again, as timers stall in the background', async () => {
    const fetcher = tokenFetcher();
    let wallClock = 1_700_000_000_000;
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} now={() => wallClock} />);
    await flush();
    post({ step: 'APP_MOUNTED' });

    // The laptop slept for 40 minutes: no timer ran, the wall clock moved.
    wallClock += 40 * MINUTE;
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(document.visibilityState).toBe('visible');
    act(() => {
      document.dispatchEvent(new Event('visibilitychange'));
    });
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'expired']);
    expect(tokenIn(frame().src)).toBe('token-2');
  });
});
