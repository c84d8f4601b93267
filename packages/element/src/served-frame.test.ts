// A server template renders the iframe with its first token inside the element; the element adopts it.
import { describe, expect, it } from 'vitest';
import { mountFlinksConnect } from './index';
import type { FlinksConnectElement } from './define';
import {
  advance,
  flush,
  frame,
  frames,
  INSTANCE,
  post,
  setupTestEnvironment,
  tokenIn,
} from '@flinks-embed/test-support/jsdom';
import { reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';

setupTestEnvironment();

const SERVED_SRC = 'https://toolbox-iframe.private.fin.ag/v2/?demo=true&authorizeToken=served-token';

/** The markup a Rails, Django or Laravel template renders, then the element upgraded with a fetcher. */
async function served(attributes = `instance="${INSTANCE}" demo`) {
  document.body.innerHTML = `<flinks-connect ${attributes}><iframe src="${SERVED_SRC}" title="Connect your bank account"></iframe></flinks-connect>`;
  const iframe = frame();
  await import('./define');
  const element = document.querySelector('flinks-connect') as FlinksConnectElement;
  const fetcher = tokenFetcher();
  element.fetchAuthorizeToken = fetcher;
  await flush();
  return { element, iframe, fetcher };
}

describe('<flinks-connect> over a server-rendered iframe', () => {
  it('adopts it: the same element and src, no fetch', async () => {
    const { iframe, fetcher } = await served();
    expect(frames()).toEqual([iframe]);
    expect(iframe.getAttribute('src')).toBe(SERVED_SRC);
    expect(iframe.name).toMatch(/^flinks-connect-/);
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('uses that token for the first load only: a params change fetches, and so does a reconnect', async () => {
    const { element, iframe, fetcher } = await served();
    element.setAttribute('language', 'fr');
    await flush();
    expect(frame()).not.toBe(iframe);
    expect(tokenIn(frame().src)).toBe('token-1');
    element.remove();
    document.body.append(element);
    await flush();
    expect(tokenIn(frame().src)).toBe('token-2');
    expect(reasons(fetcher)).toEqual(['mount', 'mount']);
  });

  it('replaces it once, with no error, when Connect says it was spent', async () => {
    const { element, fetcher } = await served();
    const errors: unknown[] = [];
    element.addEventListener('flinks-error', (event) => errors.push(event));
    post({ step: 'APP_MOUNTED' });
    post({ step: 'TOKEN_INVALID' });
    await flush();
    expect(tokenIn(frame().src)).toBe('token-1');
    expect(reasons(fetcher)).toEqual(['retry']);
    expect(errors).toEqual([]);
  });
});

describe('mountFlinksConnect over a server-rendered iframe', () => {
  it('keeps the iframe of its initialToken and removes the rest', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = `<p>Loading…</p><iframe src="${SERVED_SRC}"></iframe>`;
    const iframe = container.querySelector('iframe')!;
    const fetcher = tokenFetcher();
    const mount = mountFlinksConnect(container, {
      instance: INSTANCE,
      params: { demo: true },
      fetchAuthorizeToken: fetcher,
      initialToken: { token: 'served-token' },
    });
    await flush();
    expect([...container.childNodes]).toEqual([iframe]);
    expect(iframe.getAttribute('src')).toBe(SERVED_SRC);
    expect(fetcher).not.toHaveBeenCalled();
    mount.destroy();
  });

  it('gives the kept iframe no load watchdog (Connect may have mounted unheard), but one it creates a watchdog', async () => {
    const container = document.body.appendChild(document.createElement('div'));
    container.innerHTML = `<iframe src="${SERVED_SRC}"></iframe>`;
    const options = {
      instance: INSTANCE,
      params: { demo: true },
      fetchAuthorizeToken: tokenFetcher(),
      initialToken: { token: 'served-token' },
      loadTimeoutMs: 10_000,
    };
    const errors: unknown[] = [];
    const kept = mountFlinksConnect(container, { ...options, onError: (error) => errors.push(error) });
    await advance(60_000);
    expect(errors).toEqual([]);
    kept.destroy();
    // A first token given as a value, with no server-rendered iframe: this mount creates it.
    const created = mountFlinksConnect(container, {
      ...options,
      initialToken: { token: 'page-token' },
      onError: (error) => errors.push(error),
    });
    expect(tokenIn(frame().src)).toBe('page-token');
    await advance(10_000);
    expect(errors).toEqual([expect.objectContaining({ code: 'iframe_load_timeout' })]);
    created.destroy();
  });
});
