// An app that logs only `error.code` still sees what went wrong: in development the library logs
// each error once, with its explanation and cause, unless the app turns that off.
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect } from './index';
import { flush, INSTANCE, post, setupTestEnvironment, tokenFetcher } from '../test/jsdom';

setupTestEnvironment();

const failing = (cause: Error) => () => Promise.reject(cause);

describe('<FlinksConnect> logs each error in development', () => {
  it('once, with the code, the explanation, how to turn it off, and the cause', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onError = vi.fn();
    const cause = Object.assign(new Error('token endpoint: server_not_configured'), {
      code: 'server_not_configured',
    });
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={failing(cause)} onError={onError} />);
    await flush();
    expect(onError).toHaveBeenCalledOnce();
    expect(warn).toHaveBeenCalledOnce();
    const [text, ...rest] = warn.mock.calls[0]!;
    expect(text).toMatch(
      /^flinks-embed: token_fetch_failed: fetchAuthorizeToken rejected: .*server_not_configured/,
    );
    expect(text).toContain('logErrors: false');
    expect(rest).toEqual(['\nCaused by:', cause]);
  });

  it('logs a Flinks error code too, without a cause', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={tokenFetcher()} />);
    await flush();
    post({ flinksCode: 'INVALID_LOGIN' });
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]).toEqual([
      expect.stringMatching(/^flinks-embed: flinks_error: Flinks Connect reported INVALID_LOGIN\./),
    ]);
  });

  it('logs nothing with logErrors={false}; onError still hears of it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const onError = vi.fn();
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={failing(new Error('down'))}
        retry={false}
        onError={onError}
        logErrors={false}
      />,
    );
    await flush();
    expect(onError).toHaveBeenCalledOnce();
    expect(warn).not.toHaveBeenCalled();
  });
});
