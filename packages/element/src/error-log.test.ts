// In development each error is logged once with its explanation and cause; `logErrors: false`
// (an option of mountFlinksConnect, a property of <flinks-connect>) turns that off.
import { describe, expect, it, vi } from 'vitest';
import type { FlinksConnectElement } from './define';
import { mountFlinksConnect } from './index';
import { flush, INSTANCE, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';

setupTestEnvironment();

const rejecting = (cause: Error) => () => Promise.reject(cause);

describe('the element logs each error in development', () => {
  it('mountFlinksConnect: once, with the code, the explanation and the cause', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cause = new SyntaxError('Unexpected token < in JSON');
    mountFlinksConnect(document.body.appendChild(document.createElement('div')), {
      instance: INSTANCE,
      fetchAuthorizeToken: rejecting(cause),
      retry: false,
    });
    await flush();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(/^flinks-embed: token_fetch_failed: .*not JSON/);
    expect(warn.mock.calls[0]!.slice(1)).toEqual(['\nCaused by:', cause]);
  });

  it('<flinks-connect> with logErrors = false: nothing logged, the flinks-error event still fires', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await import('./define');
    document.body.insertAdjacentHTML('beforeend', `<flinks-connect instance="${INSTANCE}"></flinks-connect>`);
    const element = document.body.lastElementChild as FlinksConnectElement;
    const heard = vi.fn();
    element.addEventListener('flinks-error', heard);
    element.logErrors = false;
    element.retry = false;
    element.fetchAuthorizeToken = rejecting(new Error('down'));
    await flush();
    expect(heard).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });
});
