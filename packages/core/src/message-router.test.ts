import { describe, expect, it } from 'vitest';
import { flush, post, session } from '../test/connect-session-fixture';

describe('the message router', () => {
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
