import { act, fireEvent, render, screen } from '@testing-library/react';
import { createRef, StrictMode, useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import {
  FlinksConnect,
  type ErrorFallbackProps,
  type FetchAuthorizeToken,
  type FlinksConnectHandle,
  type FlinksConnectProps,
} from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  pendingFetcher,
  post,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

const MINUTE = 60_000;

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

  it('loads the iframe again with a fresh token when params change by value, and only then', async () => {
    const fetcher = tokenFetcher();
    const view = render(
      <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={{ language: 'en' }} />,
      {
        wrapper: StrictMode,
      },
    );
    await flush();
    const before = frame().src;
    expect(new URL(before).searchParams.get('language')).toBe('en');

    // Same values in a new object, with an undefined extra: nothing happens.
    view.rerender(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        params={{ demo: undefined, language: 'en' }}
      />,
    );
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(frame().src).toBe(before);

    view.rerender(
      <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={{ language: 'fr' }} />,
    );
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
    const after = frame().src;
    expect(new URL(after).searchParams.get('language')).toBe('fr');
    expect(tokenIn(after)).toBe('token-2');
    expect(after).not.toContain('token-1');
  });

  it('loads again with a fresh token when the instance or connectUrl changes', async () => {
    const fetcher = tokenFetcher();
    const view = render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} />);
    await flush();
    view.rerender(<FlinksConnect instance="acme-ca" fetchAuthorizeToken={fetcher} />);
    await flush();
    expect(frame().src).toBe('https://acme-ca-iframe.private.fin.ag/v2/?authorizeToken=token-2');
    view.rerender(<FlinksConnect connectUrl="http://localhost:4010/v2/" fetchAuthorizeToken={fetcher} />);
    await flush();
    expect(frame().src).toBe('http://localhost:4010/v2/?authorizeToken=token-3');
    expect(fetcher).toHaveBeenCalledTimes(3);
  });

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

  it('retries failed fetches with backoff, then shows errorFallback, whose retry recovers', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const fetcher = vi.fn<FetchAuthorizeToken>(async () => {
      throw new Error('503 from /api/flinks/authorize-token');
    });
    const onError = vi.fn();
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} onError={onError} />);
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    // Equal jitter at random() = 0.5: 375 ms after the first failure, 750 ms after the second.
    await advance(374);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
    await advance(749);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(screen.getByRole('status')).toBeInTheDocument();
    await advance(1);
    expect(fetcher).toHaveBeenCalledTimes(3);

    expect(screen.getByRole('alert')).toHaveTextContent('could not be loaded');
    expect(screen.queryByTitle('Connect your bank account')).not.toBeInTheDocument();
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'token_fetch_failed' });
    expect(onError.mock.calls[0]![0].cause).toEqual(new Error('503 from /api/flinks/authorize-token'));
    await advance(10 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(3);

    fetcher.mockResolvedValueOnce('token-after-retry');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(4);
    expect(fetcher.mock.calls[3]).toEqual([expect.objectContaining({ reason: 'retry' })]);
    expect(tokenIn(frame().src)).toBe('token-after-retry');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('names the default error alert by its sentence, so it stands apart from other alerts on the page', async () => {
    const failing = vi.fn<FetchAuthorizeToken>(async () => {
      throw new Error('503');
    });
    render(
      <>
        {/* An unnamed alert, as Next.js' route announcer is. */}
        <div role="alert" />
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={failing} retry={false} />
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={failing} retry={false} />
      </>,
    );
    await flush();
    expect(failing).toHaveBeenCalledTimes(2);
    expect(screen.getAllByRole('alert')).toHaveLength(3);
    const named = screen.getAllByRole('alert', { name: 'Your bank connection could not be loaded.' });
    expect(named).toHaveLength(2);
    expect(named[0]).toHaveTextContent('Your bank connection could not be loaded.');
    // Each instance's alert is named by its own sentence, not by the other's.
    expect(named[0]!.id).not.toBe(named[1]!.id);
  });

  it('renders a custom errorFallback with the typed error and a working retry', async () => {
    const fetcher = tokenFetcher();
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        loadTimeoutMs={5_000}
        errorFallback={({ error, retry }) => (
          <button type="button" onClick={retry}>
            {error.code}
          </button>
        )}
      />,
    );
    await flush();
    await advance(5_000);
    fireEvent.click(screen.getByRole('button', { name: 'iframe_load_timeout' }));
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'retry']);
    expect(tokenIn(frame().src)).toBe('token-2');
  });

  it('lets a custom errorFallback use hooks, then go back to the iframe', async () => {
    const fetcher = tokenFetcher();
    function ErrorCard({ retry }: ErrorFallbackProps) {
      const [pressed, setPressed] = useState(false);
      return (
        <button
          type="button"
          onClick={() => {
            setPressed(true);
            retry();
          }}
        >
          {pressed ? 'Retrying' : 'Retry'}
        </button>
      );
    }
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        loadTimeoutMs={5_000}
        errorFallback={ErrorCard}
      />,
    );
    await flush();
    await advance(5_000);
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await flush();
    expect(tokenIn(frame().src)).toBe('token-2');
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
