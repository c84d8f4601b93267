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
