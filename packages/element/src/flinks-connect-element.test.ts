import type { ConnectEvent, FlinksConnectError, RedirectDetails } from '@flinks-embed/core';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnectElement } from './define';
import {
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

/** A `<flinks-connect>` from markup, with a fetcher, in the page. */
function connect(attributes: string, fetcher = tokenFetcher()): FlinksConnectElement {
  document.body.insertAdjacentHTML('beforeend', `<flinks-connect ${attributes}></flinks-connect>`);
  const element = document.body.lastElementChild as FlinksConnectElement;
  element.fetchAuthorizeToken = fetcher;
  return element;
}

const query = (element: Element): Record<string, string> =>
  Object.fromEntries(new URL(element.querySelector('iframe')!.src).searchParams);

describe('<flinks-connect>', () => {
  it('is registered once, as flinks-connect', async () => {
    expect(customElements.get('flinks-connect')).toBe(FlinksConnectElement);
    expect(document.createElement('flinks-connect')).toBeInstanceOf(FlinksConnectElement);
    // A second copy of the module (another bundle on the page) does not throw.
    vi.resetModules();
    await expect(import('./define')).resolves.toBeDefined();
    expect(customElements.get('flinks-connect')).toBe(FlinksConnectElement);
  });

  it('turns its attributes into Connect params, under the params property', async () => {
    const element = connect(
      'instance="toolbox" language="fr" demo consent-enable="false" inner-redirect="true" enhanced-mfa=""',
    );
    element.params = { language: 'en', redirectUrl: 'https://app.example/done', tag: 'order-42' };
    await flush();
    expect(frame().src.startsWith(`${CONNECT_ORIGIN}/v2/?`)).toBe(true);
    expect(query(element)).toEqual({
      authorizeToken: 'token-1',
      consentEnable: 'false',
      demo: 'true',
      enhancedMFA: 'true',
      innerRedirect: 'true',
      language: 'fr',
      redirectUrl: 'https://app.example/done',
      tag: 'order-42',
    });
    expect(element.instance).toBe('toolbox');
    expect(element.connectUrl).toBeNull();
  });

  it('waits for a target and a fetcher before fetching anything', async () => {
    const fetcher = tokenFetcher();
    document.body.insertAdjacentHTML('beforeend', '<flinks-connect><p>Placeholder</p></flinks-connect>');
    const element = document.querySelector('flinks-connect')!;
    element.fetchAuthorizeToken = fetcher;
    await flush();
    expect(fetcher).not.toHaveBeenCalled();
    expect(element).toHaveTextContent('Placeholder');

    element.connectUrl = 'http://127.0.0.1:4010/v2/';
    expect(element.getAttribute('connect-url')).toBe('http://127.0.0.1:4010/v2/');
    await flush();
    expect(reasons(fetcher)).toEqual(['mount']);
    expect(tokenIn(frame().src)).toBe('token-1');
  });

  it('dispatches flinks-event and flinks-redirect with typed details, and calls the callbacks', async () => {
    const element = connect(`instance="${INSTANCE}"`);
    const events: ConnectEvent[] = [];
    const redirects: RedirectDetails[] = [];
    const onRedirect = vi.fn();
    // Listening on an ancestor: the events bubble.
    document.body.addEventListener('flinks-redirect', (event) => redirects.push(event.detail));
    element.addEventListener('flinks-event', (event) => events.push(event.detail));
    element.onRedirect = onRedirect;
    await flush();

    post({ step: 'APP_MOUNTED' });
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital', accountId: 'A-1' });
    post({ step: 'REDIRECT', loginId: 'forged' }, { origin: 'https://evil.example' });

    expect(events.map((event) => event.type === 'step' && event.step)).toEqual(['APP_MOUNTED', 'REDIRECT']);
    expect(redirects).toEqual([{ loginId: 'L-1', institution: 'FlinksCapital', accountId: 'A-1' }]);
    expect(onRedirect).toHaveBeenCalledWith(redirects[0], events[1]);
  });

  it('dispatches flinks-status on every change of the progress, never with the token', async () => {
    const element = connect(`instance="${INSTANCE}"`);
    const statuses: unknown[] = [];
    document.body.addEventListener('flinks-status', (event) => statuses.push(event.detail));
    const onStatusChange = vi.fn();
    element.onStatusChange = onStatusChange;
    await flush();
    post({ step: 'APP_MOUNTED' });
    post({ step: 'SUBMIT_CREDENTIAL' });
    expect(statuses.map((s) => Object.values(s as object).slice(0, 3))).toEqual([
      ['loading', false, false],
      ['ready', false, false],
      ['ready', true, false],
      ['ready', true, true],
    ]);
    expect(onStatusChange.mock.calls.map(([status]) => status)).toEqual(statuses);
    expect(JSON.stringify(statuses)).not.toContain('token-');
  });

  it('dispatches flinks-error for failures, shows the retry button, and still dispatches when a callback throws', async () => {
    const thrown = catchRethrown();
    const bug = new Error('app bug');
    const element = connect(
      `instance="${INSTANCE}"`,
      tokenFetcher(() => ''),
    );
    element.retry = false;
    element.onError = () => {
      throw bug;
    };
    const errors: FlinksConnectError[] = [];
    element.addEventListener('flinks-error', (event) => errors.push(event.detail));
    await flush();
    expect(errors.map((error) => error.code)).toEqual(['invalid_token_response']);
    expect(element.querySelector('[role="alert"]')).toHaveTextContent('could not be loaded');
    expect(thrown).toEqual([bug]);
  });

  it('reports wrong options as flinks-error and throws them where developers see them', async () => {
    const thrown = catchRethrown();
    const element = connect('instance="toolbox" connect-url="https://toolbox-iframe.private.fin.ag/v2/"');
    const errors: FlinksConnectError[] = [];
    element.addEventListener('flinks-error', (event) => errors.push(event.detail));
    await flush();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({
      code: 'invalid_options',
      message: expect.stringContaining('it got both'),
    });
    expect(thrown).toEqual(errors);
    expect(element.querySelector('iframe')).toBeNull();
    element.onEvent = () => {};
    await flush();
    expect(errors).toHaveLength(1);

    element.removeAttribute('instance');
    element.params = { authorizeToken: 'mine' } as never;
    await flush();
    expect(errors[1]).toMatchObject({
      code: 'invalid_options',
      message: expect.stringContaining('authorizeToken'),
    });
    element.params = {};

    await flush();
    expect(errors).toHaveLength(2);
    expect(tokenIn(frame().src)).toBe('token-1');
  });

  it('reloads with a fresh token when an attribute, the params or a token option changes', async () => {
    const fetcher = tokenFetcher();
    const element = connect(`instance="${INSTANCE}" language="en"`, fetcher);
    element.params = { tag: 'a' };
    await flush();
    const first = frame();
    expect(tokenIn(first.src)).toBe('token-1');

    element.setAttribute('language', 'fr');
    await flush();
    expect(frame()).not.toBe(first);
    expect(query(element)).toMatchObject({ language: 'fr', authorizeToken: 'token-2' });

    element.params = { tag: 'b' };
    await flush();
    expect(query(element)).toMatchObject({ tag: 'b', authorizeToken: 'token-3' });

    element.fetchTimeoutMs = 5_000;
    await flush();
    expect(tokenIn(frame().src)).toBe('token-4');
    expect(reasons(fetcher)).toEqual(['mount', 'mount', 'mount', 'mount']);
  });

  it('changes nothing for an equal params object, a new fetcher or new callbacks', async () => {
    const fetcher = tokenFetcher();
    const element = connect(`instance="${INSTANCE}"`, fetcher);
    element.params = { demo: true, tag: 'a' };
    await flush();
    const first = frame();

    element.params = { tag: 'a', demo: true };
    element.onEvent = () => {};
    element.setAttribute('language', 'en');
    element.removeAttribute('language');
    const next = tokenFetcher((token) => `next-${token}`);
    element.fetchAuthorizeToken = next;
    await flush();
    expect(frame()).toBe(first);
    expect(fetcher).toHaveBeenCalledOnce();

    // The new fetcher is the one called on the next load.
    element.reload();
    await flush();
    expect(tokenIn(frame().src)).toBe('next-token-1');
  });

  it('makes one load for several changes in one task', async () => {
    const fetcher = tokenFetcher();
    const element = document.createElement('flinks-connect');
    element.setAttribute('instance', INSTANCE);
    element.setAttribute('demo', '');
    document.body.append(element);
    element.fetchAuthorizeToken = fetcher;
    element.setAttribute('language', 'fr');
    element.params = { tag: 't' };
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(query(element)).toMatchObject({ demo: 'true', language: 'fr', tag: 't' });
  });

  it('updates the iframe title in place from frame-title', async () => {
    const element = connect(`instance="${INSTANCE}" frame-title="Lier votre compte"`);
    await flush();
    const first = frame();
    expect(first.title).toBe('Lier votre compte');
    element.setAttribute('frame-title', 'Link your account');
    element.removeAttribute('frame-title');
    element.setAttribute('frame-title', 'Link your account');
    await flush();
    expect(frame()).toBe(first);
    expect(first.title).toBe('Link your account');
  });

  it('cleans up when removed from the document, and starts over with a fresh token when added again', async () => {
    const onWindow = trackListeners(window);
    const onDocument = trackListeners(document);
    const { fetcher, calls } = pendingFetcher();
    const element = connect(`instance="${INSTANCE}"`, fetcher);
    await flush();
    calls[0]!.resolve('token-1');
    await flush();
    expect(onWindow()).toEqual(expect.arrayContaining(['message', 'online']));

    element.remove();
    expect(element.querySelector('iframe')).toBeNull();
    expect(onWindow()).toEqual([]);
    expect(onDocument()).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(fetcher).toHaveBeenCalledOnce();

    document.body.append(element);
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'mount']);
    calls[1]!.resolve('token-2');
    await flush();
    expect(tokenIn(frame().src)).toBe('token-2');
  });

  it('aborts a token request in flight when removed, and fetches nothing when removed in the task it was added', async () => {
    const { fetcher, calls } = pendingFetcher();
    const element = connect(`instance="${INSTANCE}"`, fetcher);
    await flush();
    element.remove();
    expect(calls[0]!.context.signal.aborted).toBe(true);

    const other = connect(`instance="${INSTANCE}"`, fetcher);
    other.remove();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(fetcher).toHaveBeenCalledOnce();
  });

  it('calls the latest onEvent', async () => {
    const element = connect(`instance="${INSTANCE}"`);
    const first = vi.fn();
    const latest = vi.fn();
    element.onEvent = first;
    await flush();
    element.onEvent = latest;
    post({ step: 'APP_MOUNTED' });
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledOnce();
  });
});
