import { describe, expect, it, vi } from 'vitest';
import { TOKEN_SPENDING_STEPS, type ConnectSessionHandlers } from './index';
import { flush, MINUTE, ORIGIN, post, requests, session, tokenIn } from '../test/connect-session-fixture';

describe('createConnectSession', () => {
  it('touches nothing until started, then loads the iframe with a fresh token', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const { s } = session();
    expect(added).not.toHaveBeenCalled();
    expect(s.origin).toBe(ORIGIN);
    expect(s.getState()).toMatchObject({ status: 'idle', src: null });
    s.start();
    await flush();
    const { status, src } = s.getState();
    expect(status).toBe('ready');
    expect(new URL(src!).searchParams.get('demo')).toBe('true');
    expect(tokenIn(src)).toBe('token-1');
  });

  it('rejects bad configuration when created', () => {
    expect(() => session({ connectUrl: 'http://example.com/v2/' })).toThrow(/must use https:/);
    expect(() => session({ params: { authorizeToken: 'x' } as never })).toThrow(/Do not pass authorizeToken/);
    expect(() => session({ loadTimeoutMs: 0 })).toThrow(/loadTimeoutMs must be a positive number/);
  });

  it('reloads an idle iframe before its token expires, keeping it on screen meanwhile', async () => {
    const { s } = session({ tokenLifetimeMs: 10 * MINUTE });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    const seen: (string | null)[] = [];
    s.subscribe(() => seen.push(s.getState().src));
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(requests.map((r) => r.reason)).toEqual(['mount', 'expired']);
    expect(seen.every((src) => src !== null)).toBe(true);
    expect(tokenIn(s.getState().src)).toBe('token-2');
  });

  it('exports the steps that spend a token, from credentials on', () => {
    for (const step of [
      'SUBMIT_CREDENTIAL',
      'COMPONENT_LOAD_MFA',
      'ACCOUNT_SELECTED',
      'REDIRECT',
      'POPUP_OPENED',
    ]) {
      expect(TOKEN_SPENDING_STEPS.has(step)).toBe(true);
    }
    for (const step of ['APP_MOUNTED', 'INSTITUTION_SELECTED', 'COMPONENT_LOAD_CREDENTIAL']) {
      expect(TOKEN_SPENDING_STEPS.has(step)).toBe(false);
    }
  });

  it.each([...TOKEN_SPENDING_STEPS])('never reloads after %s, even long past expiry', async (step) => {
    const { s } = session({ tokenLifetimeMs: 10 * MINUTE });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    post(JSON.stringify({ step }));
    expect(s.getState().used).toBe(true);
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(requests).toHaveLength(1);
    expect(tokenIn(s.getState().src)).toBe('token-1');
  });

  it('hands every event, the redirect details and Flinks errors to the handlers', async () => {
    const { s, handlers } = session();
    s.start();
    await flush();
    post({ flinksCode: 'INVALID_LOGIN', institution: 'FlinksCapital' });
    expect(handlers.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'flinks_error', flinksCode: 'INVALID_LOGIN' }),
    );
    expect(s.getState()).toMatchObject({ status: 'ready', used: true });
    post({ step: 'REDIRECT', url: 'https://app.example/done?loginId=L-1&institution=FlinksCapital' });
    expect(handlers.onRedirect).toHaveBeenCalledWith(
      { loginId: 'L-1', institution: 'FlinksCapital', url: expect.any(String) },
      expect.objectContaining({ step: 'REDIRECT' }),
    );
    expect(handlers.onEvent).toHaveBeenCalledTimes(2);
  });

  it('reads handlers when events fire, so a binding can swap them', async () => {
    const handlers: ConnectSessionHandlers = {};
    const { s } = session({ handlers });
    s.start();
    await flush();
    const later = vi.fn();
    handlers.onEvent = later;
    post({ step: 'APP_MOUNTED' });
    expect(later).toHaveBeenCalledOnce();
  });

  it('shows token_rejected when Flinks refuses the token', async () => {
    const { s, handlers } = session();
    s.start();
    await flush();
    post({ step: 'TOKEN_INVALID' });
    expect(s.getState()).toMatchObject({ status: 'error', src: null, error: { code: 'token_rejected' } });
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_rejected' }));
  });

  it('reload() loads the iframe again with a new token', async () => {
    const { s } = session();
    s.start();
    await flush();
    s.reload();
    expect(requests.at(-1)!.reason).toBe('refresh');
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-2');
  });

  it('shows the token error, without an iframe', async () => {
    const { s, handlers } = session({
      fetchAuthorizeToken: () => Promise.reject(new Error('down')),
      retry: false,
    });
    s.start();
    await flush();
    expect(s.getState()).toMatchObject({ status: 'error', src: null, error: { code: 'token_fetch_failed' } });
    expect(handlers.onError).toHaveBeenCalledOnce();
  });

  it('stops listening and timing when stopped or disposed', async () => {
    const removed = vi.spyOn(window, 'removeEventListener');
    const { s, handlers } = session();
    const stop = s.start();
    await flush();
    stop();
    expect(removed).toHaveBeenCalledWith('message', expect.any(Function));
    expect(s.getState()).toMatchObject({ status: 'idle', src: null });
    expect(vi.getTimerCount()).toBe(0);
    post({ step: 'APP_MOUNTED' });
    expect(handlers.onEvent).not.toHaveBeenCalled();
    s.start();
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-2');
    s.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('state', () => {
  it('goes back to ready when credentials are submitted while an expiry refresh is in flight', async () => {
    let answer: ((token: string) => void) | undefined;
    let calls = 0;
    const { s } = session({
      tokenLifetimeMs: 10 * MINUTE,
      fetchAuthorizeToken: () =>
        ++calls === 1 ? Promise.resolve('token-1') : new Promise<string>((r) => (answer = r)),
    });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(s.getState()).toMatchObject({ status: 'loading', used: false });
    post({ step: 'SUBMIT_CREDENTIAL' });
    expect(s.getState()).toMatchObject({ status: 'ready', used: true });
    expect(tokenIn(s.getState().src)).toBe('token-1');
    answer?.('token-2');
    await flush();
    expect(tokenIn(s.getState().src)).toBe('token-1');
  });

  it('never starts again once disposed: no listener, no fetch', async () => {
    const added = vi.spyOn(window, 'addEventListener');
    const { s } = session();
    s.dispose();
    s.start();
    await flush();
    expect(added).not.toHaveBeenCalledWith('message', expect.anything());
    expect(requests).toHaveLength(0);
    expect(s.getState().status).toBe('idle');
  });
});
