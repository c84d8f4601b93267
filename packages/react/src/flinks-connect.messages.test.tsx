import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, unknownParams } from './index';
import {
  CONNECT_ORIGIN,
  flush,
  frame,
  frames,
  INSTANCE,
  post,
  setupTestEnvironment,
  tokenFetcher,
  tokenIn,
} from '../test/jsdom';

setupTestEnvironment();

async function renderConnect() {
  const handlers = { onEvent: vi.fn(), onRedirect: vi.fn(), onError: vi.fn(), onInvalidMessage: vi.fn() };
  render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={tokenFetcher()} {...handlers} />);
  await flush();
  return handlers;
}

const REDIRECT_IN_URL = {
  step: 'REDIRECT',
  institution: 'FlinksCapital',
  url: 'https://app.example/done?loginId=8b35a1f0&institution=FlinksCapital&tag=user-42',
};

describe('<FlinksConnect> messages', () => {
  it('accepts events from its own iframe, objects and JSON strings alike', async () => {
    const { onEvent } = await renderConnect();
    post({ step: 'APP_MOUNTED' });
    post(JSON.stringify({ step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' }));
    expect(onEvent.mock.calls).toEqual([
      [{ type: 'step', step: 'APP_MOUNTED', data: { step: 'APP_MOUNTED' } }],
      [
        {
          type: 'step',
          step: 'INSTITUTION_SELECTED',
          data: { step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' },
        },
      ],
    ]);
  });

  it('ignores the right payload from the wrong origin', async () => {
    const handlers = await renderConnect();
    post(REDIRECT_IN_URL, { origin: 'https://evil.example' });
    post(REDIRECT_IN_URL, { origin: 'https://toolbox-iframe.private.fin.ag.evil.example' });
    post(REDIRECT_IN_URL, { origin: 'http://toolbox-iframe.private.fin.ag' });
    for (const handler of Object.values(handlers)) expect(handler).not.toHaveBeenCalled();
  });

  it('refuses the right payload from the right origin but another window, and says so', async () => {
    const { onInvalidMessage, ...others } = await renderConnect();
    const other = document.body.appendChild(document.createElement('iframe'));
    post(REDIRECT_IN_URL, { source: other.contentWindow });
    post(REDIRECT_IN_URL, { source: window });
    for (const handler of Object.values(others)) expect(handler).not.toHaveBeenCalled();
    expect(onInvalidMessage.mock.calls).toEqual([
      [REDIRECT_IN_URL, { reason: 'other_window' }],
      [REDIRECT_IN_URL, { reason: 'other_window' }],
    ]);
    other.remove();
  });

  it('takes a REDIRECT whose frame has already navigated away (no source), when it can only be its own', async () => {
    const { onRedirect, onInvalidMessage } = await renderConnect();
    post(REDIRECT_IN_URL, { source: null });
    expect(onRedirect).toHaveBeenCalledExactlyOnceWith(
      expect.objectContaining({ loginId: '8b35a1f0' }),
      expect.objectContaining({ step: 'REDIRECT' }),
    );
    expect(onInvalidMessage).not.toHaveBeenCalled();
  });

  it('reports a REDIRECT whose loginId is only in its url to onRedirect', async () => {
    const { onRedirect, onEvent } = await renderConnect();
    post(REDIRECT_IN_URL);
    expect(onRedirect).toHaveBeenCalledExactlyOnceWith(
      { loginId: '8b35a1f0', institution: 'FlinksCapital', tag: 'user-42', url: REDIRECT_IN_URL.url },
      { type: 'step', step: 'REDIRECT', data: REDIRECT_IN_URL },
    );
    expect(onEvent).toHaveBeenCalledOnce();
  });

  it('reports a REDIRECT with loginId in the payload to onRedirect', async () => {
    const { onRedirect } = await renderConnect();
    post({ step: 'REDIRECT', loginId: 'abc', requestId: 'req-1', institution: 'FlinksCapital' });
    expect(onRedirect.mock.calls[0]![0]).toEqual({
      loginId: 'abc',
      requestId: 'req-1',
      institution: 'FlinksCapital',
    });
  });

  it('reports Flinks error codes to onError, typed', async () => {
    const { onError, onEvent } = await renderConnect();
    post({ flinksCode: 'INVALID_LOGIN', institution: 'FlinksCapital' });
    expect(onEvent.mock.calls[0]![0]).toMatchObject({ type: 'error', flinksCode: 'INVALID_LOGIN' });
    expect(onError).toHaveBeenCalledOnce();
    expect(onError.mock.calls[0]![0]).toMatchObject({
      name: 'FlinksConnectError',
      code: 'flinks_error',
      flinksCode: 'INVALID_LOGIN',
    });
  });

  it('passes malformed messages from its iframe to onInvalidMessage, never throwing', async () => {
    const { onEvent, onInvalidMessage } = await renderConnect();
    for (const data of ['{not json', 42, null, [], { nope: true }]) post(data);
    expect(onEvent).not.toHaveBeenCalled();
    const malformed = { reason: 'malformed' };
    expect(onInvalidMessage.mock.calls).toEqual([
      ['{not json', malformed],
      [42, malformed],
      [null, malformed],
      [[], malformed],
      [{ nope: true }, malformed],
    ]);
  });

  it('keeps two instances on one page apart: each gets only its own iframe’s events', async () => {
    const first = vi.fn();
    const second = vi.fn();
    const fetcher = tokenFetcher();
    render(
      <>
        <FlinksConnect instance={INSTANCE} title="First" fetchAuthorizeToken={fetcher} onEvent={first} />
        <FlinksConnect instance={INSTANCE} title="Second" fetchAuthorizeToken={fetcher} onEvent={second} />
      </>,
    );
    await flush();
    const [a, b] = frames();
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(tokenIn(a!.src)).not.toBe(tokenIn(b!.src));
    post({ step: 'APP_MOUNTED', n: 1 }, { source: a!.contentWindow });
    expect(first).toHaveBeenCalledOnce();
    expect(second).not.toHaveBeenCalled();
    post({ step: 'APP_MOUNTED', n: 2 }, { source: b!.contentWindow });
    post({ step: 'SUBMIT_CREDENTIAL', n: 3 }, { source: b!.contentWindow });
    expect(first).toHaveBeenCalledOnce();
    expect(second.mock.calls.map(([event]) => event.data.n)).toEqual([2, 3]);
  });

  it('listens to the current iframe only, after a reload replaced it', async () => {
    const onEvent = vi.fn();
    const view = render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        onEvent={onEvent}
        params={unknownParams({ a: 1 })}
      />,
    );
    await flush();
    const old = frame().contentWindow;
    view.rerender(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        onEvent={onEvent}
        params={unknownParams({ a: 2 })}
      />,
    );
    await flush();
    post({ step: 'APP_MOUNTED' }, { source: old, origin: CONNECT_ORIGIN });
    expect(onEvent).not.toHaveBeenCalled();
    post({ step: 'APP_MOUNTED' });
    expect(onEvent).toHaveBeenCalledOnce();
  });
});
