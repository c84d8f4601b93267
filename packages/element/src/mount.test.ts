import { FlinksConnectError } from '@flinks-embed/core';
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect, type ErrorFallbackProps } from './index';
import {
  advance,
  CONNECT_ORIGIN,
  flush,
  frame,
  INSTANCE,
  post,
  setupTestEnvironment,
  tokenIn,
} from '@flinks-embed/test-support/jsdom';
import { pendingFetcher, reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { catchRethrown, trackListeners } from '@flinks-embed/test-support/listeners';

setupTestEnvironment();

const container = (): HTMLElement => document.body.appendChild(document.createElement('div'));

describe('mountFlinksConnect', () => {
  it('shows a status line until the token arrives, then one iframe carrying it exactly once', async () => {
    const { fetcher, calls } = pendingFetcher();
    const box = container();
    box.innerHTML = '<p>Server-rendered placeholder</p>';
    mountFlinksConnect(box, { instance: INSTANCE, fetchAuthorizeToken: fetcher, params: { demo: true } });
    expect(box.children).toHaveLength(1);
    expect(box.querySelector('[role="status"]')).toHaveTextContent('Loading your bank connection…');
    expect(fetcher).not.toHaveBeenCalled(); // one task later, so a destroy() in this task fetches nothing

    await flush();
    expect(reasons(fetcher)).toEqual(['mount']);
    calls[0]!.resolve('token-1');
    await flush();
    expect(box.querySelector('[role="status"]')).toBeNull();
    const iframe = frame();
    expect(iframe.parentElement).toBe(box);
    expect(iframe.src).toBe(`${CONNECT_ORIGIN}/v2/?demo=true&authorizeToken=token-1`);
    expect(iframe.src.split('token-1')).toHaveLength(2);
    expect(iframe.title).toBe('Connect your bank account');
    expect(iframe.getAttribute('allow')).toBe('clipboard-write; fullscreen');
    expect(iframe.getAttribute('width')).toBe('100%');
    expect(iframe.getAttribute('height')).toBe('760');
    expect(iframe.style.border).toBe('0px');
  });

  it('takes a title, a class and iframe attributes, and never lets them replace src or title', async () => {
    mountFlinksConnect(container(), {
      connectUrl: 'http://localhost:4010/v2/',
      fetchAuthorizeToken: tokenFetcher(),
      title: 'Connecter votre compte',
      className: 'bank-frame',
      iframeAttributes: {
        height: '600',
        sandbox: 'allow-scripts allow-same-origin',
        src: 'https://evil.example/',
        title: 'x',
      },
    });
    await flush();
    const iframe = frame();
    expect(iframe.src).toBe('http://localhost:4010/v2/?authorizeToken=token-1');
    expect(iframe.title).toBe('Connecter votre compte');
    expect(iframe.className).toBe('bank-frame');
    expect(iframe.getAttribute('height')).toBe('600');
    expect(iframe.getAttribute('width')).toBe('100%');
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin');
  });

  it('accepts messages only from its own iframe and the Connect origin, and reports REDIRECT', async () => {
    const onEvent = vi.fn();
    const onRedirect = vi.fn();
    const onInvalidMessage = vi.fn();
    mountFlinksConnect(container(), {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
      onEvent,
      onRedirect,
      onInvalidMessage,
    });
    await flush();
    const redirect = {
      step: 'REDIRECT',
      url: 'https://app.example/done?loginId=L-1&institution=FlinksCapital',
    };
    const source = frame().contentWindow;
    const other = document.body.appendChild(document.createElement('iframe'));

    post(redirect, { origin: 'https://evil.example', source });
    post(redirect, { origin: 'https://evil.example', source: null });
    expect(onInvalidMessage).not.toHaveBeenCalled();
    post(redirect, { source: other.contentWindow });
    post(redirect, { source: window });
    expect(onEvent).not.toHaveBeenCalled();
    expect(onRedirect).not.toHaveBeenCalled();
    expect(onInvalidMessage.mock.calls).toEqual([
      [redirect, { reason: 'other_window' }],
      [redirect, { reason: 'other_window' }],
    ]);

    post('not json', { source });
    expect(onInvalidMessage).toHaveBeenLastCalledWith('not json', { reason: 'malformed' });
    post(JSON.stringify(redirect), { source });
    expect(onEvent).toHaveBeenCalledWith({ type: 'step', step: 'REDIRECT', data: redirect });
    expect(onRedirect).toHaveBeenCalledOnce();
    expect(onRedirect.mock.calls[0]![0]).toEqual({
      loginId: 'L-1',
      institution: 'FlinksCapital',
      url: redirect.url,
    });
  });

  it('keeps handling a message when an app callback throws, and rethrows that error afterwards', async () => {
    const thrown = catchRethrown();
    const bug = new Error('app bug');
    const onRedirect = vi.fn();
    const onError = vi.fn();
    mountFlinksConnect(container(), {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
      onEvent: () => {
        throw bug;
      },
      onRedirect,
      onError,
    });
    await flush();
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital' });
    post({ step: 'TOKEN_INVALID' });
    expect(onRedirect).toHaveBeenCalledOnce();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_rejected' }));
    await flush();
    expect(thrown).toEqual([bug, bug]);
  });

  it('shows an alert and a retry button when the token cannot be fetched; retry loads a fresh token', async () => {
    let fail = true;
    const fetcher = tokenFetcher((token) => {
      if (fail) throw new Error('endpoint down');
      return token;
    });
    const onError = vi.fn();
    const box = container();
    mountFlinksConnect(box, { instance: INSTANCE, fetchAuthorizeToken: fetcher, retry: false, onError });
    await flush();
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_fetch_failed' }));
    expect(box.querySelector('iframe')).toBeNull();
    expect(box.querySelector('[role="alert"]')).toHaveTextContent(
      'Your bank connection could not be loaded.',
    );
    const button = box.querySelector('button')!;
    expect(button).toHaveTextContent('Try again');
    expect(button.type).toBe('button');
    // The button is not part of the announcement.
    expect(box.querySelector('[role="alert"] button')).toBeNull();

    fail = false;
    button.click();
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'retry']);
    expect(tokenIn(frame().src)).toBe('token-2');
    expect(box.querySelector('[role="alert"]')).toBeNull();
  });

  it('reports a load timeout when Connect never says APP_MOUNTED, with its own texts', async () => {
    const onError = vi.fn();
    const box = container();
    mountFlinksConnect(box, {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
      loadTimeoutMs: 5_000,
      onError,
      loadingText: 'Chargement…',
      errorText: 'La connexion a échoué.',
      retryText: 'Réessayer',
    });
    expect(box).toHaveTextContent('Chargement…');
    await flush();
    await advance(4_999);
    expect(onError).not.toHaveBeenCalled();
    await advance(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
    expect(box.querySelector('[role="alert"]')).toHaveTextContent('La connexion a échoué.');
    expect(box.querySelector('button')).toHaveTextContent('Réessayer');
  });

  it('fails mountTimeoutMs after the frame loads without APP_MOUNTED, and reports its status', async () => {
    const onError = vi.fn();
    const onStatusChange = vi.fn();
    mountFlinksConnect(container(), {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
      loadTimeoutMs: 60_000,
      mountTimeoutMs: 2_000,
      onError,
      onStatusChange,
    });
    await flush();
    expect(onStatusChange.mock.calls.at(-1)![0]).toMatchObject({ status: 'ready', mounted: false });
    frame().dispatchEvent(new Event('load')); // the browser's error page, say
    await advance(1_999);
    expect(onError).not.toHaveBeenCalled();
    await advance(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
    expect(onStatusChange.mock.calls.at(-1)![0]).toEqual({
      status: 'error',
      mounted: false,
      used: true,
      expiresAt: null,
      refreshAt: null,
    });
  });

  it('renders custom fallbacks, giving the error fallback the error and a retry', async () => {
    const { fetcher, calls } = pendingFetcher();
    const errorFallback = vi.fn(({ error }: ErrorFallbackProps) => {
      const node = document.createElement('output');
      node.textContent = error.code;
      return node;
    });
    const box = container();
    mountFlinksConnect(box, {
      instance: INSTANCE,
      fetchAuthorizeToken: fetcher,
      retry: false,
      loadingFallback: () => document.createTextNode('wait'),
      errorFallback,
    });
    expect(box.textContent).toBe('wait');
    await flush();
    calls[0]!.resolve({ token: '' });
    await flush();
    expect(box.querySelector('output')).toHaveTextContent('invalid_token_response');
    errorFallback.mock.calls[0]![0].retry();
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'retry']);
  });

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

  it('works independently for two mounts on one page', async () => {
    const a = vi.fn();
    const b = vi.fn();
    const boxA = container();
    const boxB = container();
    mountFlinksConnect(boxA, { instance: INSTANCE, fetchAuthorizeToken: tokenFetcher(), onEvent: a });
    mountFlinksConnect(boxB, { instance: INSTANCE, fetchAuthorizeToken: tokenFetcher(), onEvent: b });
    await flush();
    const frameB = boxB.querySelector('iframe')!;
    post({ step: 'APP_MOUNTED' }, { source: frameB.contentWindow });
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledOnce();
  });

  it('throws an invalid_options error naming the fix, before touching the container', () => {
    const box = container();
    const fetchAuthorizeToken = tokenFetcher();
    const mount = (options: object) => () =>
      mountFlinksConnect(box, { fetchAuthorizeToken, ...options } as unknown as Parameters<
        typeof mountFlinksConnect
      >[1]);
    expect(mount({})).toThrow(/exactly one of instance .* and connectUrl; it got neither/);
    expect(mount({ instance: INSTANCE, connectUrl: 'https://x.example/' })).toThrow(/it got both/);
    expect(mount({ connectUrl: 'http://evil.example/' })).toThrow(FlinksConnectError);
    expect(mount({ instance: INSTANCE, params: { authorizeToken: 'abc' } })).toThrow(
      /Do not pass authorizeToken/,
    );
    expect(box.childNodes).toHaveLength(0);
    expect(fetchAuthorizeToken).not.toHaveBeenCalled();
  });
});
