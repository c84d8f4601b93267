import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createConnectSession,
  TOKEN_SPENDING_STEPS,
  type ConnectSession,
  type ConnectSessionHandlers,
  type ConnectSessionOptions,
  type TokenRequestContext,
} from './index';

const BASE = 'https://toolbox-iframe.private.fin.ag/v2/';
const ORIGIN = 'https://toolbox-iframe.private.fin.ag';
const MINUTE = 60_000;
const flush = () => vi.advanceTimersByTimeAsync(0);

let iframe: HTMLIFrameElement;
let issued: string[];
let requests: TokenRequestContext[];
// Started sessions are page-wide facts (a message without a source is attributed among them):
// every test disposes its own.
const created: ConnectSession[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  iframe = document.body.appendChild(document.createElement('iframe'));
  issued = [];
  requests = [];
});
afterEach(() => {
  created.splice(0).forEach((s) => s.dispose());
  iframe.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

function session(options: Partial<ConnectSessionOptions> = {}) {
  const handlers = {
    onEvent: vi.fn(),
    onRedirect: vi.fn(),
    onError: vi.fn(),
    onInvalidMessage: vi.fn(),
  } satisfies ConnectSessionHandlers;
  const s = createConnectSession({
    connectUrl: BASE,
    params: { demo: true },
    fetchAuthorizeToken: async (ctx) => {
      requests.push(ctx);
      const token = `token-${issued.length + 1}`;
      issued.push(token);
      return token;
    },
    getFrame: () => iframe.contentWindow,
    handlers,
    ...options,
  });
  created.push(s);
  return { s, handlers };
}

const post = (
  data: unknown,
  { origin = ORIGIN, source = iframe.contentWindow as MessageEventSource | null } = {},
) => window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
const tokenIn = (src: string | null) => (src ? new URL(src).searchParams.get('authorizeToken') : null);

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

  it('reports iframe_load_timeout when APP_MOUNTED does not arrive, and retries with a new token', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(s.getState()).toMatchObject({
      status: 'error',
      src: null,
      error: { code: 'iframe_load_timeout' },
    });
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'iframe_load_timeout' }));
    s.reload();
    await flush();
    expect(requests.at(-1)!.reason).toBe('retry');
    expect(tokenIn(s.getState().src)).toBe('token-2');
  });

  it('stands down the watchdog on APP_MOUNTED', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    expect(s.getState().mounted).toBe(true);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(s.getState().status).toBe('ready');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('fails fast with iframe_load_timeout when the frame loads but APP_MOUNTED does not follow', async () => {
    const { s, handlers } = session({ loadTimeoutMs: 30_000, mountTimeoutMs: 4_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(1_000);
    s.frameLoaded(); // the browser's error page, say: it loads, and never posts
    await vi.advanceTimersByTimeAsync(3_999);
    expect(s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(s.getState()).toMatchObject({
      status: 'error',
      src: null,
      error: { code: 'iframe_load_timeout' },
    });
    expect(handlers.onError).toHaveBeenCalledOnce();
    expect(handlers.onError.mock.calls[0]![0].message).toContain('mountTimeoutMs');
    // The outer watchdog is gone with it: no second error later.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
  });

  it('waits 5 s after the load by default, and keeps loadTimeoutMs as the bound for a frame that never loads', async () => {
    const { s } = session({ loadTimeoutMs: 10_000 });
    s.start();
    await flush();
    await vi.advanceTimersByTimeAsync(9_000);
    expect(s.getState().status).toBe('ready');
    // Loaded late: the outer bound still holds, the grace does not push it back.
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'iframe_load_timeout' } });

    const quick = session();
    quick.s.start();
    await flush();
    quick.s.frameLoaded();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(quick.s.getState().status).toBe('ready');
    await vi.advanceTimersByTimeAsync(1);
    expect(quick.s.getState().error?.code).toBe('iframe_load_timeout');
  });

  it('never fails a load once APP_MOUNTED came, whatever loads after it', async () => {
    const { s, handlers } = session({ mountTimeoutMs: 1_000 });
    s.start();
    await flush();
    s.frameLoaded();
    post({ step: 'APP_MOUNTED' }); // Connect's app may mount just after its document loads
    await vi.advanceTimersByTimeAsync(5_000);
    s.frameLoaded(); // a later navigation of the frame (a third-site redirectUrl, say)
    await vi.advanceTimersByTimeAsync(60_000);
    expect(s.getState().status).toBe('ready');
    expect(handlers.onError).not.toHaveBeenCalled();
  });

  it('gives a new load its own grace, and rejects a mountTimeoutMs that is not positive', async () => {
    expect(() => session({ mountTimeoutMs: 0 })).toThrow(/mountTimeoutMs must be a positive number/);
    const { s, handlers } = session({ mountTimeoutMs: 1_000 });
    s.start();
    await flush();
    s.frameLoaded();
    s.reload(); // a fresh token and a fresh iframe: the old load's grace is dropped
    await flush();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(s.getState().status).toBe('ready');
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
    // Ignored with no iframe (error shown) and when stopped.
    s.frameLoaded();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(handlers.onError).toHaveBeenCalledOnce();
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

  it('ignores other origins, and reports other windows on the Connect origin and malformed messages', async () => {
    const { s, handlers } = session();
    s.start();
    await flush();
    const other = document.body.appendChild(document.createElement('iframe'));
    post({ step: 'REDIRECT', loginId: 'forged' }, { origin: 'https://evil.example' });
    post({ step: 'REDIRECT', loginId: 'forged' }, { origin: 'https://evil.example', source: null });
    expect(handlers.onInvalidMessage).not.toHaveBeenCalled();
    post({ step: 'REDIRECT', loginId: 'forged' }, { source: other.contentWindow });
    post(JSON.stringify({ step: 'SUBMIT_CREDENTIAL' }), { source: window });
    expect(handlers.onEvent).not.toHaveBeenCalled();
    expect(handlers.onRedirect).not.toHaveBeenCalled();
    expect(s.getState().used).toBe(false);
    expect(handlers.onInvalidMessage.mock.calls).toEqual([
      [{ step: 'REDIRECT', loginId: 'forged' }, { reason: 'other_window' }],
      ['{"step":"SUBMIT_CREDENTIAL"}', { reason: 'other_window' }],
    ]);
    post('{oops');
    expect(handlers.onInvalidMessage).toHaveBeenLastCalledWith('{oops', { reason: 'malformed' });
    other.remove();
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

describe('a message whose sender is gone (the frame navigated away before it was dispatched)', () => {
  const gone = { source: null };

  it('is taken when this is the one session on the page with a frame on that origin', async () => {
    const { s, handlers } = session({ params: { redirectUrl: 'https://app.example/done' } });
    s.start();
    await flush();
    post({ step: 'ACCOUNT_SELECTED', accountId: 'a1' }, gone);
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital' }, gone);
    expect(handlers.onEvent.mock.calls.map(([event]) => event.step)).toEqual([
      'ACCOUNT_SELECTED',
      'REDIRECT',
    ]);
    expect(handlers.onRedirect).toHaveBeenCalledWith(
      { loginId: 'L-1', institution: 'FlinksCapital' },
      expect.objectContaining({ step: 'REDIRECT' }),
    );
    expect(s.getState().used).toBe(true);
    expect(handlers.onInvalidMessage).not.toHaveBeenCalled();
  });

  it('is taken by nobody, and reported to each candidate, when two sessions could have sent it', async () => {
    const second = document.body.appendChild(document.createElement('iframe'));
    const a = session();
    const b = session({ getFrame: () => second.contentWindow });
    a.s.start();
    b.s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'whose' }, gone);
    for (const { handlers } of [a, b]) {
      expect(handlers.onRedirect).not.toHaveBeenCalled();
      expect(handlers.onEvent).not.toHaveBeenCalled();
      expect(handlers.onInvalidMessage).toHaveBeenCalledWith(
        { step: 'REDIRECT', loginId: 'whose' },
        { reason: 'ambiguous_source' },
      );
    }
    // Each one's own frame still gets through, and neither reports the other's frame.
    post({ step: 'APP_MOUNTED' }, { source: second.contentWindow });
    expect(b.handlers.onEvent).toHaveBeenCalledOnce();
    expect(a.handlers.onEvent).not.toHaveBeenCalled();
    expect(a.handlers.onInvalidMessage).toHaveBeenCalledOnce();
    // Once the other session stops, the one left is the only candidate again.
    b.s.dispose();
    post({ step: 'REDIRECT', loginId: 'mine' }, gone);
    expect(a.handlers.onRedirect).toHaveBeenCalledWith(
      { loginId: 'mine', institution: '' },
      expect.anything(),
    );
    second.remove();
  });

  it('does not count sessions of another Connect origin, nor one without a frame', async () => {
    const mine = session();
    const elsewhere = session({
      connectUrl: 'https://acme-ca-iframe.private.fin.ag/v2/',
      getFrame: () => window.frames[0],
    });
    const noFrame = session({ getFrame: () => null });
    mine.s.start();
    elsewhere.s.start();
    noFrame.s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'L' }, gone);
    expect(mine.handlers.onRedirect).toHaveBeenCalledOnce();
    for (const { handlers } of [elsewhere, noFrame]) {
      expect(handlers.onEvent).not.toHaveBeenCalled();
      expect(handlers.onInvalidMessage).not.toHaveBeenCalled();
    }
  });

  it('is never taken from another origin, nor before the iframe exists', async () => {
    const { s, handlers } = session({ fetchAuthorizeToken: () => new Promise<string>(() => {}) });
    const before = session({ getFrame: () => null });
    s.start();
    before.s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'forged' }, { origin: 'https://evil.example', source: null });
    // `s` has no token yet, so no iframe: its frame is still the test's iframe, but its state has no src.
    post({ step: 'REDIRECT', loginId: 'early' }, { source: null });
    expect(before.handlers.onEvent).not.toHaveBeenCalled();
    expect(handlers.onRedirect.mock.calls.map(([d]) => d.loginId)).not.toContain('forged');
  });
});

describe('the landing page as a second channel for the result', () => {
  const REDIRECT_URL = 'https://app.example/flinks/done?theme=dark';
  const landed = (href: string) => ({ location: { href } }) as unknown as Window;
  const crossOrigin = () =>
    ({
      get location(): Location {
        throw new DOMException('Blocked a frame with origin', 'SecurityError');
      },
    }) as unknown as Window;

  function landingSession(frame: { current: Window }) {
    return session({
      params: { redirectUrl: REDIRECT_URL, innerRedirect: true },
      getFrame: () => frame.current,
    });
  }

  it('reads the result from the frame once it lands on redirectUrl, when the REDIRECT message was lost', async () => {
    const frame = { current: crossOrigin() };
    const { s, handlers } = landingSession(frame);
    s.start();
    await flush();
    s.frameLoaded(); // Connect's own page: cross-origin, nothing to read
    expect(handlers.onRedirect).not.toHaveBeenCalled();
    frame.current = landed(
      'https://app.example/flinks/done?theme=dark&loginId=L-9&institution=FlinksCapital&accountId=a1&requestId=r1&tag=t',
    );
    s.frameLoaded();
    const details = {
      loginId: 'L-9',
      institution: 'FlinksCapital',
      accountId: 'a1',
      requestId: 'r1',
      tag: 't',
      url: frame.current.location.href,
    };
    expect(handlers.onRedirect).toHaveBeenCalledWith(details, {
      type: 'step',
      step: 'REDIRECT',
      data: { step: 'REDIRECT', ...details },
    });
    expect(handlers.onEvent).toHaveBeenCalledWith(expect.objectContaining({ step: 'REDIRECT' }));
    expect(s.getState().used).toBe(true);
    // The message, arriving late, and a second load event change nothing: once per load.
    post({ step: 'REDIRECT', loginId: 'L-9', institution: 'FlinksCapital' }, { source: null });
    s.frameLoaded();
    expect(handlers.onRedirect).toHaveBeenCalledOnce();
    expect(handlers.onEvent).toHaveBeenCalledOnce();
  });

  it('does not start the mount grace when the frame lands on redirectUrl', async () => {
    const frame = { current: crossOrigin() };
    const { s, handlers } = session({
      params: { redirectUrl: REDIRECT_URL, innerRedirect: true },
      getFrame: () => frame.current,
      mountTimeoutMs: 1_000,
    });
    s.start();
    await flush();
    // Mounted, then the landing page is what loads next (the load events of Connect itself lost).
    frame.current = landed(
      'https://app.example/flinks/done?theme=dark&loginId=L-2&institution=FlinksCapital',
    );
    s.frameLoaded();
    expect(handlers.onRedirect).toHaveBeenCalledOnce();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(handlers.onError).not.toHaveBeenCalled();
    expect(s.getState().status).toBe('ready');
  });

  it('fires onRedirect once when the message comes first', async () => {
    const frame = { current: crossOrigin() };
    const { s, handlers } = landingSession(frame);
    s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital' }, { source: frame.current });
    frame.current = landed(
      'https://app.example/flinks/done?theme=dark&loginId=L-1&institution=FlinksCapital',
    );
    s.frameLoaded();
    expect(handlers.onRedirect).toHaveBeenCalledOnce();
    expect(handlers.onRedirect.mock.calls[0]![0]).toEqual({ loginId: 'L-1', institution: 'FlinksCapital' });
  });

  it('ignores other pages of the host, pages without a loginId, and a session without redirectUrl', async () => {
    const frame = { current: landed('https://app.example/elsewhere?loginId=L') };
    const { s, handlers } = landingSession(frame);
    const plain = session({ getFrame: () => frame.current });
    s.start();
    plain.s.start();
    await flush();
    s.frameLoaded();
    frame.current = landed('https://other.example/flinks/done?loginId=L');
    s.frameLoaded();
    frame.current = landed('https://app.example/flinks/done?theme=dark');
    s.frameLoaded();
    frame.current = landed('https://app.example/flinks/done?loginId=L');
    plain.s.frameLoaded();
    expect(handlers.onRedirect).not.toHaveBeenCalled();
    expect(plain.handlers.onRedirect).not.toHaveBeenCalled();
  });

  it('gives a new load a new chance: onRedirect once per load', async () => {
    const frame = { current: landed('https://app.example/flinks/done?loginId=L-1') };
    const { s, handlers } = landingSession(frame);
    s.start();
    await flush();
    s.frameLoaded();
    s.reload();
    await flush();
    frame.current = landed('https://app.example/flinks/done?loginId=L-2');
    s.frameLoaded();
    expect(handlers.onRedirect.mock.calls.map(([d]) => d.loginId)).toEqual(['L-1', 'L-2']);
  });
});

describe('app callbacks that throw', () => {
  // Browsers report the app's error with reportError, as an uncaught error (jsdom has none).
  const thrown = () => {
    const reportError = vi.fn();
    vi.stubGlobal('reportError', reportError);
    return {
      get all() {
        return reportError.mock.calls.map(([error]) => error as unknown);
      },
      done: () => vi.unstubAllGlobals(),
    };
  };

  it('cannot stop the session: TOKEN_INVALID still fails the load, REDIRECT still reaches onRedirect', async () => {
    const boom = new Error('app bug in onEvent');
    const uncaught = thrown();
    const { s, handlers } = session();
    handlers.onEvent.mockImplementation(() => {
      throw boom;
    });
    s.start();
    await flush();
    post({ step: 'REDIRECT', loginId: 'L-1', institution: 'FlinksCapital' });
    expect(handlers.onRedirect).toHaveBeenCalledOnce();
    post({ step: 'TOKEN_INVALID' });
    expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'token_rejected' } });
    expect(handlers.onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'token_rejected' }));
    // Rethrown from a task of its own, as an uncaught error, not swallowed.
    expect(uncaught.all).toEqual([boom, boom]);
    uncaught.done();
  });

  it.each(['onRedirect', 'onError', 'onInvalidMessage'] as const)(
    'isolates a throwing %s too',
    async (name) => {
      const uncaught = thrown();
      const { s, handlers } = session();
      handlers[name].mockImplementation(() => {
        throw new Error(name);
      });
      s.start();
      await flush();
      post('{oops');
      post({ step: 'REDIRECT', loginId: 'L-1' });
      post({ flinksCode: 'INVALID_LOGIN' });
      post({ step: 'TOKEN_INVALID' });
      expect(s.getState()).toMatchObject({ status: 'error', error: { code: 'token_rejected' } });
      expect(handlers.onEvent.mock.calls.map(([e]) => (e.type === 'step' ? e.step : e.flinksCode))).toEqual([
        'REDIRECT',
        'INVALID_LOGIN',
        'TOKEN_INVALID',
      ]);
      expect(uncaught.all.length).toBeGreaterThan(0);
      expect(uncaught.all.every((e) => (e as Error).message === name)).toBe(true);
      uncaught.done();
    },
  );

  it('turns a fetcher that throws synchronously into a retried token_fetch_failed with the cause', async () => {
    const bug = new TypeError('fetcher bug');
    const fetcher = vi.fn(() => {
      throw bug;
    });
    const { s, handlers } = session({
      fetchAuthorizeToken: fetcher,
      retry: { attempts: 2, baseDelayMs: 10 },
    });
    s.start();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(s.getState()).toMatchObject({
      status: 'error',
      error: { code: 'token_fetch_failed', cause: bug },
    });
    expect(handlers.onError).toHaveBeenCalledOnce();
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

describe('onStatusChange', () => {
  it('reports status, mounted, used, expiry and refresh times, never the token, and nothing on stop', async () => {
    const onStatusChange = vi.fn();
    const start = Date.now();
    const { s } = session({
      tokenLifetimeMs: 10 * MINUTE,
      handlers: { onStatusChange },
    });
    const stop = s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    post({ step: 'SUBMIT_CREDENTIAL' });
    const expiresAt = start + 10 * MINUTE;
    expect(onStatusChange.mock.calls.map(([status]) => status)).toEqual([
      { status: 'loading', mounted: false, used: false, expiresAt: null, refreshAt: null },
      { status: 'ready', mounted: false, used: false, expiresAt, refreshAt: expiresAt - MINUTE },
      { status: 'ready', mounted: true, used: false, expiresAt, refreshAt: expiresAt - MINUTE },
      // Used: never refreshed again.
      { status: 'ready', mounted: true, used: true, expiresAt, refreshAt: null },
    ]);
    expect(JSON.stringify(onStatusChange.mock.calls)).not.toContain('token-1');
    // Messages that change nothing it reports are not reported.
    post({ step: 'COMPONENT_LOAD_MFA' });
    stop();
    expect(onStatusChange).toHaveBeenCalledTimes(4);
  });

  it('reports the replacement when an unused token nears its expiry', async () => {
    const onStatusChange = vi.fn();
    const start = Date.now();
    const { s } = session({ tokenLifetimeMs: 10 * MINUTE, handlers: { onStatusChange } });
    s.start();
    await flush();
    post({ step: 'APP_MOUNTED' });
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    const statuses = onStatusChange.mock.calls.map(([status]) => status);
    // The old token stays on screen while its replacement is fetched.
    expect(statuses.at(-2)).toMatchObject({ status: 'loading', expiresAt: start + 10 * MINUTE });
    expect(statuses.at(-1)).toMatchObject({
      status: 'ready',
      mounted: false,
      expiresAt: start + 19 * MINUTE,
      refreshAt: start + 18 * MINUTE,
    });
  });
});
