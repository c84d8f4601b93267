// When the token cannot be had: retries with backoff, then the default alert or a custom
// errorFallback, whose retry loads a fresh token.
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, type ErrorFallbackProps, type FetchAuthorizeToken } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  MINUTE,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> token rules', () => {
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
});
