import { describe, expect, it, vi } from 'vitest';
import { flush, post, session } from '../test/connect-session-fixture';

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
