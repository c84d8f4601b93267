// One token for each iframe load, and one load for each token: under StrictMode, over remounts and
// re-renders, on reload through the ref, and when an older answer arrives after a newer one.
import { act, render } from '@testing-library/react';
import { createRef, StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, type FlinksConnectHandle } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  MINUTE,
  pendingFetcher,
  post,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> token rules', () => {
  it('fetches once under StrictMode and loads the iframe with that token', async () => {
    const fetcher = tokenFetcher();
    render(
      <StrictMode>
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} />
      </StrictMode>,
    );
    expect(fetcher).not.toHaveBeenCalled();
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(reasons(fetcher)).toEqual(['mount']);
    expect(tokenIn(frame().src)).toBe('token-1');
    await advance(10 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(1);
  });

  it('gives each of 20 remounts its own token, never putting one token in two loads', async () => {
    const fetcher = tokenFetcher();
    const view = render(<></>);
    const srcs: string[] = [];
    for (let i = 0; i < 20; i++) {
      view.rerender(
        <StrictMode>
          <FlinksConnect key={i} instance={INSTANCE} fetchAuthorizeToken={fetcher} />
        </StrictMode>,
      );
      await flush();
      srcs.push(frame().src);
    }
    expect(fetcher).toHaveBeenCalledTimes(20);
    const tokens = srcs.map(tokenIn);
    expect(new Set(tokens).size).toBe(20);
    expect(new Set(srcs).size).toBe(20);
    expect(tokens).toEqual(Array.from({ length: 20 }, (_, i) => `token-${i + 1}`));
  });

  it('neither refetches nor reloads over 200 re-renders with inline fetcher, callbacks and params', async () => {
    const fetcher = tokenFetcher();
    const onEvent = vi.fn();
    const Parent = ({ n }: { n: number }) => (
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={(context) => fetcher(context)}
        params={{ language: 'fr', demo: true, consentEnable: true, tag: undefined }}
        onEvent={(event) => onEvent(n, event.type === 'step' && event.step)}
        onError={() => {}}
        onRedirect={() => {}}
        retry={{ attempts: 3 }}
        now={() => Date.now()}
      />
    );
    const view = render(<Parent n={0} />);
    await flush();
    const first = frame();
    const src = first.src;
    for (let n = 1; n <= 200; n++) {
      view.rerender(<Parent n={n} />);
      if (n % 50 === 0) await flush();
    }
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(frame()).toBe(first);
    expect(frame().src).toBe(src);
    // The latest callback is the one called, though the session was created with the first.
    post({ step: 'APP_MOUNTED' });
    expect(onEvent).toHaveBeenCalledExactlyOnceWith(200, 'APP_MOUNTED');
  });

  it('reloads with a fresh token through the ref handle', async () => {
    const fetcher = tokenFetcher();
    const ref = createRef<FlinksConnectHandle>();
    render(<FlinksConnect ref={ref} instance={INSTANCE} fetchAuthorizeToken={fetcher} />);
    await flush();
    const first = frame();
    act(() => ref.current!.reload());
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'refresh']);
    expect(frame()).not.toBe(first);
    expect(tokenIn(frame().src)).toBe('token-2');
  });

  it('drops a superseded answer: the iframe only ever gets the newest token', async () => {
    const { fetcher, calls } = pendingFetcher();
    const ref = createRef<FlinksConnectHandle>();
    render(<FlinksConnect ref={ref} instance={INSTANCE} fetchAuthorizeToken={fetcher} />);
    await flush();
    act(() => ref.current!.reload());
    expect(calls[0]!.context.signal.aborted).toBe(true);
    calls[1]!.resolve('newest');
    calls[0]!.resolve('superseded');
    await flush();
    expect(tokenIn(frame().src)).toBe('newest');
  });
});
