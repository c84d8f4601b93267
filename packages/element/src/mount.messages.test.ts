// Which messages a mount accepts, and how it hands them to the app's callbacks, one mount apart from another.
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect } from './index';
import { flush, frame, INSTANCE, post, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { catchRethrown } from '@flinks-embed/test-support/listeners';
import { container } from '../test/mount-fixture';

setupTestEnvironment();

describe('mountFlinksConnect', () => {
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
});
