// A mount that fails: the token fetch, the load and mount timeouts, and options that cannot work.
import { FlinksConnectError } from '@flinks-embed/core';
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect } from './index';
import {
  advance,
  flush,
  frame,
  INSTANCE,
  setupTestEnvironment,
  tokenIn,
} from '@flinks-embed/test-support/jsdom';
import { reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { container } from '../test/mount-fixture';

setupTestEnvironment();

describe('mountFlinksConnect', () => {
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
