import { act, render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, prefetchAuthorizeToken, type ConnectStatus, type FlinksConnectProps } from './index';
import {
  advance,
  flush,
  frame,
  frames,
  INSTANCE,
  post,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

const MINUTE = 60_000;

describe('<FlinksConnect initialToken>', () => {
  it('hydrates the server-rendered iframe: the same element, no fetch, no warning, in StrictMode', async () => {
    const fetcher = tokenFetcher();
    const initialToken = { token: 'server-token', expiresIn: 1_800 };
    const app = (
      <StrictMode>
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} initialToken={initialToken} />
      </StrictMode>
    );
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app);
    const served = container.querySelector('iframe')!;
    expect(tokenIn(served.src)).toBe('server-token');
    // The same props, as a server component hands them over (a copy, not the same object).
    const root = await act(async () => hydrateRoot(container, app));
    await flush();
    await advance(MINUTE);
    expect(container.querySelector('iframe')).toBe(served);
    expect(container.querySelectorAll('iframe')).toHaveLength(1);
    expect(fetcher).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
  });

  it('hears what Connect said before hydration, through the script in the server HTML', async () => {
    const fetcher = tokenFetcher();
    const app = (
      <StrictMode>
        <FlinksConnect
          instance={INSTANCE}
          fetchAuthorizeToken={fetcher}
          initialToken={{ token: 'spent-token' }}
          nonce="n0nce"
        />
      </StrictMode>
    );
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(app);
    const script = container.querySelector('script')!;
    expect(script.getAttribute('nonce')).toBe('n0nce');
    expect(script.compareDocumentPosition(container.querySelector('iframe')!)).toBe(
      Node.DOCUMENT_POSITION_FOLLOWING,
    );
    // As the browser runs it (jsdom does not run scripts set through innerHTML).
    window.eval(script.textContent!);
    // Connect refuses the spent token before the app's JavaScript has run.
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    const root = await act(async () => hydrateRoot(container, app));
    await flush();
    expect(tokenIn(frame().src)).toBe('token-1');
    expect(reasons(fetcher)).toEqual(['mount']);
    expect(screen.queryByRole('alert')).toBeNull();
    // The script is the server's only: the client's renders leave it out.
    expect(container.querySelector('script')).toBeNull();
    act(() => root.unmount());
    container.remove();
  });

  it('watches the load of a first iframe it rendered on the client (a client-side navigation), unlike a hydrated one', async () => {
    const onError = vi.fn();
    const fetcher = tokenFetcher();
    const props = { instance: INSTANCE, fetchAuthorizeToken: fetcher, loadTimeoutMs: 10_000, onError };
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = renderToString(
      <FlinksConnect {...props} initialToken={{ token: 'server-token' }} />,
    );
    const root = await act(async () =>
      hydrateRoot(container, <FlinksConnect {...props} initialToken={{ token: 'server-token' }} />),
    );
    await advance(MINUTE);
    expect(onError).not.toHaveBeenCalled();
    act(() => root.unmount());
    container.remove();
    // The page a client-side navigation renders: its server component minted a token, but React
    // creates the iframe now, after this listens. Connect never mounts: a load error, as for any load.
    render(<FlinksConnect {...props} initialToken={{ token: 'page-token' }} />);
    expect(tokenIn(frame().src)).toBe('page-token');
    await advance(10_000);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
    expect(screen.getByRole('button')).toBeDefined();
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('names each iframe for its token, so the Back button cannot reload a spent one into it', async () => {
    const fetcher = tokenFetcher();
    const html = (token: string) =>
      renderToString(
        <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} initialToken={{ token }} />,
      );
    const name = (markup: string) => /name="([^"]+)"/.exec(markup)?.[1];
    expect(name(html('a'))).toMatch(/^flinks-connect-/);
    expect(name(html('a'))).toBe(name(html('a')));
    expect(name(html('a'))).not.toBe(name(html('b')));
  });

  it('uses it for the first load only: a remount and a params change fetch', async () => {
    const fetcher = tokenFetcher();
    const initialToken = { token: 'server-token' };
    const props: FlinksConnectProps = { instance: INSTANCE, fetchAuthorizeToken: fetcher, initialToken };
    const view = render(<FlinksConnect key="a" {...props} />);
    await flush();
    expect(tokenIn(frame().src)).toBe('server-token');
    view.rerender(<FlinksConnect key="a" {...props} params={{ language: 'fr' }} />);
    await flush();
    expect(tokenIn(frame().src)).toBe('token-1');
    view.rerender(<FlinksConnect key="b" {...props} />);
    await flush();
    expect(tokenIn(frame().src)).toBe('token-2');
    expect(reasons(fetcher)).toEqual(['mount', 'mount']);
  });

  it('replaces it while unused when its age on the page says so', async () => {
    await advance(5 * MINUTE);
    const fetcher = tokenFetcher();
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        initialToken={{ token: 'server-token', expiresIn: 600 }}
      />,
    );
    await flush();
    post({ step: 'APP_MOUNTED' });
    // 10 minutes of life, more than 5 gone with the page, 1 of margin: due within 4 minutes.
    await advance(4 * MINUTE);
    expect(reasons(fetcher)).toEqual(['expired']);
    expect(tokenIn(frame().src)).toBe('token-1');
  });

  it('recovers a spent first token once, without an error on screen, and tells the app', async () => {
    const fetcher = tokenFetcher();
    const onEvent = vi.fn();
    const statuses: ConnectStatus[] = [];
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        initialToken={{ token: 'spent-token' }}
        onEvent={onEvent}
        onStatusChange={(status) => statuses.push(status)}
      />,
    );
    await flush();
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    await flush();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(frames()).toHaveLength(1);
    expect(tokenIn(frame().src)).toBe('token-1');
    expect(reasons(fetcher)).toEqual(['retry']);
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ step: 'TOKEN_INVALID' }));
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['loading', 'ready']));
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    await flush();
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(reasons(fetcher)).toEqual(['retry']);
  });

  it('takes a prefetched token: one request in all', async () => {
    const fetcher = tokenFetcher();
    const initialToken = prefetchAuthorizeToken(fetcher);
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} initialToken={initialToken} />);
    await flush();
    expect(tokenIn(frame().src)).toBe('token-1');
    expect(fetcher).toHaveBeenCalledTimes(1);
  });
});
