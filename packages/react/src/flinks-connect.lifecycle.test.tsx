import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { trackListeners } from '@flinks-embed/test-support/listeners';
import { FlinksConnect } from './index';
import {
  advance,
  CONNECT_ORIGIN,
  flush,
  frame,
  INSTANCE,
  pendingFetcher,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> lifecycle', () => {
  it('aborts the fetch on unmount and leaves no listener, timer or late update behind', async () => {
    // The React root first: its own document listeners are not the component's.
    const view = render(<></>);
    const onWindow = trackListeners(window);
    const onDocument = trackListeners(document);
    const { fetcher, calls } = pendingFetcher();
    const onError = vi.fn();
    view.rerender(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} onError={onError} />);
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(onWindow()).toEqual(expect.arrayContaining(['message', 'online']));
    expect(onDocument()).toContain('visibilitychange');
    const { signal } = calls[0]!.context;
    expect(signal.aborted).toBe(false);

    view.rerender(<></>);
    expect(signal.aborted).toBe(true);
    expect(onWindow()).toEqual([]);
    expect(onDocument()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    expect(document.querySelector('link[rel="preconnect"]')).toBeNull();

    // A late answer changes nothing (setupTestEnvironment fails the test on any React warning).
    calls[0]!.resolve('late-token');
    await advance(60 * 60_000);
    expect(fetcher).toHaveBeenCalledOnce();
    expect(onError).not.toHaveBeenCalled();
    expect(document.querySelector('iframe')).toBeNull();
  });

  it('leaves nothing behind after unmounting a loaded iframe under StrictMode', async () => {
    const view = render(<></>);
    const onWindow = trackListeners(window);
    const onDocument = trackListeners(document);
    view.rerender(
      <StrictMode>
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={tokenFetcher()} />
      </StrictMode>,
    );
    await flush();
    expect(vi.getTimerCount()).toBe(2); // the expiry check and the load watchdog
    view.rerender(<></>);
    expect(onWindow()).toEqual([]);
    expect(onDocument()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('renders the loading state, and no preconnect hint, until the token arrives, then the iframe', async () => {
    const { fetcher, calls } = pendingFetcher();
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading your bank connection');
    // A cross-site frame never reuses a socket the page opened (Chromium partitions connections
    // by top-level site), so a hint would only cost bytes.
    expect(document.querySelector('link[rel="preconnect"]')).toBeNull();
    await flush();
    calls[0]!.resolve('token-1');
    await flush();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
    expect(document.querySelector('link[rel="preconnect"]')).toBeNull();
    expect(frame().src).toBe(`${CONNECT_ORIGIN}/v2/?authorizeToken=token-1`);
  });

  it('hydrates server-rendered markup without warnings, then loads', async () => {
    const fetcher = tokenFetcher();
    const app = (
      <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={{ language: 'fr' }} />
    );
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app);
    expect(fetcher).not.toHaveBeenCalled();
    const onRecoverableError = vi.fn();
    const root = await act(async () => hydrateRoot(container, app, { onRecoverableError }));
    await flush();
    expect(onRecoverableError).not.toHaveBeenCalled();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(tokenIn(frame().src)).toBe('token-1');
    act(() => root.unmount());
    container.remove();
  });
});
