// What mountFlinksConnect draws: a status line, then one iframe with the token once; its options and
// custom fallbacks, a DocumentFragment among them.
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect, type ErrorFallbackProps } from './index';
import {
  CONNECT_ORIGIN,
  flush,
  frame,
  INSTANCE,
  setupTestEnvironment,
} from '@flinks-embed/test-support/jsdom';
import { pendingFetcher, reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { alert, container, failing, mount } from '../test/mount-fixture';

setupTestEnvironment();

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
});

describe('fallbacks made of a DocumentFragment', () => {
  const fragment = (html: string) => () => document.createRange().createContextualFragment(html);

  it('are replaced whole, and destroy() removes all of them', async () => {
    const { box, connect } = mount({
      fetchAuthorizeToken: failing(),
      loadingFallback: fragment('<p role="status">Un instant</p><span>…</span>'),
      errorFallback: fragment('<p role="alert">Oops</p><span>later</span>'),
    });
    expect(box.querySelector('[role="status"]')).toHaveTextContent('Un instant');
    expect(box.childNodes).toHaveLength(2);
    await flush();
    expect(alert(box)).toHaveTextContent('Oops');
    expect(box.querySelector('[role="status"]')).toBeNull();
    expect(box.childNodes).toHaveLength(2);
    connect.destroy();
    expect(box.childNodes).toHaveLength(0);
  });
});
