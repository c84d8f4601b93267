import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_HAPPY_PATH } from '@flinks-embed/simulator/sandbox';
import { FlinksConnect } from '../index';
import { createConnectKit, type ConnectKit } from './index';
import { CachesTokenPage, forgetCachedToken, IgnoresRedirectPage, LinkBankPage } from './sample-apps';

let connect: ConnectKit;
let consoleError: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  connect = createConnectKit({ tokenEndpoint: '/api/flinks/authorize-token' });
  consoleError = vi.spyOn(console, 'error');
});

afterEach(() => {
  cleanup();
  connect.dispose();
  forgetCachedToken();
  // React reports act() and update problems there: the kit's messages must cause none.
  expect(consoleError.mock.calls).toEqual([]);
  vi.restoreAllMocks();
});

/** The expectation an app's own test makes after the flow: the login was saved and shown. */
async function expectLinked(saveLogin: ReturnType<typeof vi.fn>, loginId: string): Promise<void> {
  expect(saveLogin).toHaveBeenCalledWith(loginId);
  expect(await screen.findByText(`Bank linked (${loginId})`, {}, { timeout: 200 })).toBeInTheDocument();
}

describe('the Connect kit, with an app that embeds Connect correctly', () => {
  it('answers the app’s own token endpoint, exposes the src and token, and completes the flow', async () => {
    const saveLogin = vi.fn();
    render(<LinkBankPage saveLogin={saveLogin} />);
    const iframe = await connect.findFrame();

    expect(connect.tokenRequests).toEqual([{ via: 'endpoint', token: connect.token }]);
    expect(iframe.src).toBe(connect.src);
    expect(new URL(connect.src).searchParams.get('consentEnable')).toBe('true');
    const result = connect.completeFlow({ loginId: 'login-1' });

    await expectLinked(saveLogin, 'login-1');
    expect(result).toMatchObject({ loginId: 'login-1', institution: 'FlinksCapital' });
    expect(connect.tokensLoaded).toEqual([connect.tokenRequests[0]!.token]);
    expect(() => connect.verify()).not.toThrow();
  });

  it('posts the documented sequence, with consent as the iframe src asks, to the real component', async () => {
    const onEvent = vi.fn();
    const onRedirect = vi.fn();
    render(
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={connect.fetchAuthorizeToken}
        params={{ consentEnable: true, redirectUrl: 'https://app.example/done' }}
        onEvent={onEvent}
        onRedirect={onRedirect}
      />,
    );
    await connect.findFrame();
    const result = connect.completeFlow({ loginId: 'login-2', accountId: 'account-9' });

    expect(onEvent.mock.calls.map(([event]) => event.step)).toEqual([...SANDBOX_HAPPY_PATH]);
    expect(onRedirect).toHaveBeenCalledTimes(1);
    expect(onRedirect).toHaveBeenCalledWith(result, expect.objectContaining({ step: 'REDIRECT' }));
    expect(new URL(result.url!).searchParams.get('loginId')).toBe('login-2');
    expect(result.accountId).toBe('account-9');
    expect(connect.tokenRequests).toEqual([{ via: 'fetcher', reason: 'mount', token: connect.token }]);
  });

  it('emits single events and error codes: the app shows its help on INVALID_LOGIN', async () => {
    render(<LinkBankPage saveLogin={vi.fn()} />);
    await connect.findFrame();
    connect.emit('APP_MOUNTED');
    expect(screen.queryByRole('alert')).toBeNull();
    connect.emitError('INVALID_LOGIN');
    expect(screen.getByRole('alert')).toHaveTextContent('Check your username and password');
  });

  it('fails token requests on demand, so the app’s retry can be tested; the retry gets a fresh token', async () => {
    connect.failTokenRequests(1);
    render(<LinkBankPage saveLogin={vi.fn()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Try again' }));
    await connect.findFrame();
    expect(connect.tokenRequests.map(({ token }) => token === null)).toEqual([true, false]);
    expect(connect.tokensLoaded).toEqual([connect.token]);
  });

  it('posts as the iframe’s own window: a message from another origin or window changes nothing', async () => {
    const onEvent = vi.fn();
    render(
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={connect.fetchAuthorizeToken}
        onEvent={onEvent}
      />,
    );
    const iframe = await connect.findFrame();
    connect.post({ step: 'APP_MOUNTED' }, { origin: 'https://evil.example' });
    connect.post({ step: 'APP_MOUNTED' }, { source: window });
    expect(onEvent).not.toHaveBeenCalled();
    connect.post({ step: 'SOMETHING_NEW' }, { iframe });
    expect(onEvent).toHaveBeenCalledWith(expect.objectContaining({ step: 'SOMETHING_NEW' }));
  });

  it('refuses step names and codes that Connect does not have, also without a type check', async () => {
    render(<FlinksConnect instance="toolbox" fetchAuthorizeToken={connect.fetchAuthorizeToken} />);
    await connect.findFrame();
    // @ts-expect-error -- a typo in a step name is a type error
    expect(() => connect.emit('APP_MOUNTD')).toThrow('"APP_MOUNTD" is not a Connect step');
    // @ts-expect-error -- and so is one in an error code
    expect(() => connect.emitError('INVALID_LOGN')).toThrow('"INVALID_LOGN" is not a Flinks error code');
  });

  it('says why no message can come from an iframe without a window (happy-dom without iframe loading)', async () => {
    render(<FlinksConnect instance="toolbox" fetchAuthorizeToken={connect.fetchAuthorizeToken} />);
    const iframe = await connect.findFrame();
    Object.defineProperty(iframe, 'contentWindow', { get: () => null });
    expect(() => connect.emit('APP_MOUNTED')).toThrow('The Connect iframe has no contentWindow');
  });

  it('stops the flow, saying where, when the app removes the iframe mid-flow', async () => {
    const { unmount } = render(
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={connect.fetchAuthorizeToken}
        onEvent={(event) => event.type === 'step' && event.step === 'SUBMIT_CREDENTIAL' && unmount()}
      />,
    );
    await connect.findFrame();
    expect(() => connect.completeFlow({ loginId: 'login-5' })).toThrow(
      'The app removed the Connect iframe during the flow, right after SUBMIT_CREDENTIAL.',
    );
  });

  it('answers the token endpoint where the environment has no Request nor Response (Jest’s jsdom)', async () => {
    vi.stubGlobal('Request', undefined);
    vi.stubGlobal('Response', undefined);
    try {
      render(<LinkBankPage saveLogin={vi.fn()} />);
      await connect.findFrame();
      expect(connect.tokenRequests).toEqual([{ via: 'endpoint', token: connect.token }]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('says what to do when there is no Connect iframe yet', () => {
    expect(() => connect.emit('APP_MOUNTED')).toThrow(/No Connect iframe .* Await kit.findFrame\(\) first/);
  });
});

describe('the Connect kit catches real app bugs', () => {
  it('an app that ignores onRedirect fails the test that the same expectation passes for a correct app', async () => {
    const saveLogin = vi.fn();
    render(<IgnoresRedirectPage saveLogin={saveLogin} />);
    await connect.findFrame();
    connect.completeFlow({ loginId: 'login-3' });

    await expect(expectLinked(saveLogin, 'login-3')).rejects.toThrow();
    expect(saveLogin).not.toHaveBeenCalled();
    expect(screen.getByText('Last step: REDIRECT')).toBeInTheDocument();
  });

  it('an app that reuses a token: the second load is reported, and verify() fails', async () => {
    const first = render(<CachesTokenPage />);
    await connect.findFrame();
    expect(() => connect.verify()).not.toThrow();
    first.unmount();
    render(<CachesTokenPage />);
    await connect.findFrame();

    expect(connect.tokenRequests).toHaveLength(1);
    expect(connect.tokensLoaded).toEqual([connect.token, connect.token]);
    expect(connect.reusedTokens).toEqual([connect.token]);
    expect(() => connect.verify()).toThrow(
      'one authorize token went into iframe loads 1 and 2: Flinks tokens are single-use',
    );
  });

  it('<FlinksConnect> itself passes the same check across a remount: a fresh token per load', async () => {
    const app = <FlinksConnect instance="toolbox" fetchAuthorizeToken={connect.fetchAuthorizeToken} />;
    const first = render(app);
    await connect.findFrame();
    first.unmount();
    render(app);
    await connect.findFrame();
    expect(connect.tokensLoaded).toHaveLength(2);
    expect(connect.reusedTokens).toEqual([]);
    expect(() => connect.verify()).not.toThrow();
  });
});

describe('when the kit finds no Connect iframe', () => {
  const SIMULATOR = 'http://127.0.0.1:8787';

  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives up after 2 s, inside the 5 s test timeouts, naming the origin it saw and the option to pass', async () => {
    vi.useFakeTimers();
    const secret = '9f0c2d4e-aaaa-4bbb-8ccc-123456789abc';
    render(<iframe title="Connect" src={`${SIMULATOR}/v2/?authorizeToken=${secret}&demo=true`} />);
    const outcome = connect.findFrame().then(
      () => 'found',
      (error: Error) => error.message,
    );

    await vi.advanceTimersByTimeAsync(1990);
    expect(await Promise.race([outcome, 'still waiting'])).toBe('still waiting');
    await vi.advanceTimersByTimeAsync(20);
    const message = await outcome;

    expect(message).toContain(
      'No Connect iframe (src on https://toolbox-iframe.private.fin.ag) appeared within 2000 ms',
    );
    expect(message).toContain(`The page has an iframe on ${SIMULATOR}.`);
    expect(message).toContain(`createConnectKit({ connectUrl: '${SIMULATOR}/v2/' })`);
    expect(message).toContain("createConnectKit({ instance: 'your-instance' })");
    // The iframe's origin only: never its token, nor anything else of its query.
    expect(message).not.toContain(secret);
    expect(message).not.toContain('demo=true');
  });

  it('finds the same app’s iframe when told its connectUrl', async () => {
    connect.dispose();
    connect = createConnectKit({ connectUrl: `${SIMULATOR}/v2/` });
    render(
      <FlinksConnect connectUrl={`${SIMULATOR}/v2/`} fetchAuthorizeToken={connect.fetchAuthorizeToken} />,
    );
    expect(new URL((await connect.findFrame()).src).origin).toBe(SIMULATOR);
    expect(connect.origin).toBe(SIMULATOR);
  });

  it('says when the page has no iframe at all, and when the token request never came to the kit', async () => {
    connect.dispose();
    connect = createConnectKit({ tokenEndpoint: '/api/flinks/authorize-token', findTimeoutMs: 30 });
    await expect(connect.findFrame()).rejects.toThrow(
      /appeared within 30 ms.*The page has no iframe at all\. The kit answered no request to \/api\/flinks\/authorize-token: the app has not asked yet, or asks another URL\./,
    );
  });

  it('says when Connect is on the page without a token', async () => {
    connect.dispose();
    connect = createConnectKit({ findTimeoutMs: 30 });
    render(<iframe title="Connect" src="https://toolbox-iframe.private.fin.ag/v2/?demo=true" />);
    await expect(connect.findFrame()).rejects.toThrow(
      'A Connect iframe is on the page, but no iframe src with an authorizeToken appeared within 30 ms.',
    );
  });
});
