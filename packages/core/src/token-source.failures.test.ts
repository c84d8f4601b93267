// The token source when fetching fails: backoff, timeouts, typed errors that explain bad answers without showing them.
import { describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenSource, FlinksConnectError, type AuthorizeTokenResponse } from './index';
import { elapse, flush, MINUTE, now, started } from '../test/token-source-fixture';

describe('failures', () => {
  it('retries with exponential backoff: half to all of 500 ms, then of 1000 ms', async () => {
    const random = vi.spyOn(Math, 'random').mockReturnValue(0);
    const { fetcher, last } = started();
    await flush();
    last().reject(new Error('network down'));
    await elapse(249);
    expect(fetcher).toHaveBeenCalledTimes(1);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(2);
    random.mockReturnValue(1);
    last().reject(new Error('network down'));
    await elapse(999);
    expect(fetcher).toHaveBeenCalledTimes(2);
    await elapse(1);
    expect(fetcher).toHaveBeenCalledTimes(3);
    expect(last().ctx.reason).toBe('mount');
  });

  it('caps the delay at maxDelayMs', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const { fetcher, last } = started({ retry: { attempts: 5, baseDelayMs: 1000, maxDelayMs: 1500 } });
    await flush();
    for (let n = 1; n <= 4; n++) {
      last().reject(new Error('x'));
      await elapse(Math.min(1000 * 2 ** (n - 1), 1500) - 1);
      expect(fetcher).toHaveBeenCalledTimes(n);
      await elapse(1);
      expect(fetcher).toHaveBeenCalledTimes(n + 1);
    }
  });

  it('ends in a typed error after the last attempt, and refresh("retry") recovers', async () => {
    const cause = new Error('503 from /api/flinks/authorize-token');
    const { source, fetcher, last } = started();
    for (let n = 0; n < 3; n++) {
      await elapse(1000);
      last().reject(cause);
    }
    await flush();
    const { status, error } = source.getState();
    expect(status).toBe('error');
    expect(error).toBeInstanceOf(FlinksConnectError);
    expect(error).toMatchObject({ code: 'token_fetch_failed', cause });
    expect(error!.message).toContain('attempt 3 of 3');
    await elapse(60 * MINUTE);
    expect(fetcher).toHaveBeenCalledTimes(3);
    source.refresh('retry');
    expect(last().ctx.reason).toBe('retry');
    last().resolve('recovered');
    await flush();
    expect(source.getState()).toMatchObject({ status: 'ready', token: 'recovered', error: null });
  });

  it('tries once with retry: false', async () => {
    const { source, fetcher, last } = started({ retry: false });
    await flush();
    last().reject(new Error('x'));
    await elapse(10_000);
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(source.getState().status).toBe('error');
  });

  it('aborts an attempt after fetchTimeoutMs, even when the fetcher ignores the signal', async () => {
    const { source, fetcher, calls } = started({
      fetchTimeoutMs: 5000,
      retry: { attempts: 2, baseDelayMs: 100 },
    });
    await flush();
    await elapse(4999);
    expect(calls[0]!.ctx.signal.aborted).toBe(false);
    await elapse(1);
    expect(calls[0]!.ctx.signal.aborted).toBe(true);
    expect((calls[0]!.ctx.signal.reason as DOMException).name).toBe('TimeoutError');
    await elapse(100);
    expect(fetcher).toHaveBeenCalledTimes(2);
    calls[0]!.resolve('too late');
    await elapse(5000);
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_timeout' });
    expect(source.getState().error!.message).toMatch(/within 5000 ms \(attempt 2 of 2\).*fetchTimeoutMs/);
  });

  const SECRET = 'tok-3f1c9a77-SECRET';
  it.each([
    ['undefined', undefined, /resolved to undefined, not a token/],
    ['an empty string', '', /resolved to an empty string, not a token/],
    ['a number', 42, /resolved to a number, not a token/],
    ['null', null, /resolved to null, not a token/],
    ['an empty object', {}, /resolved to an object with no keys, not a token/],
    ['an empty token', { token: '' }, /resolved to an object with keys token, not a token/],
    ['a misnamed field', { Token: SECRET }, /resolved to an object with keys Token, not a token/],
    ['an array', [SECRET], /resolved to an array, not a token/],
    ['a bad expiresAt', { token: SECRET, expiresAt: 'soon' }, /unreadable expiresAt \(a string\)/],
    ['a bad expiresIn', { token: SECRET, expiresIn: -5 }, /invalid expiresIn \(a number\)/],
    [
      'expiresAt in seconds',
      { token: SECRET, expiresAt: 1_790_000_000 },
      /looks like seconds since the epoch/,
    ],
  ])('explains an answer of %s without showing it', async (_, answer, message) => {
    const { source } = createSourceAnswering(answer);
    await elapse(5000);
    const { error } = source.getState();
    expect(error).toMatchObject({ code: 'invalid_token_response' });
    expect(error!.message).toMatch(message);
    expect(error!.message).toMatch(/attempt 3 of 3/);
    expect(error!.message).not.toContain(SECRET);
  });

  it.each([
    ['a string', 'boom', /rejected with a string, not an Error/],
    ['a number', 42, /rejected with a number, not an Error/],
    ['null', null, /rejected with null, not an Error/],
  ])('explains a rejection with %s and keeps it as the cause', async (_, reason, message) => {
    const source = createAuthorizeTokenSource(() => Promise.reject(reason), { now, retry: false });
    source.start();
    await flush();
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_failed', cause: reason });
    expect(source.getState().error!.message).toMatch(message);
  });

  it('treats a fetcher that throws synchronously like a rejection', async () => {
    const source = createAuthorizeTokenSource(
      () => {
        throw new TypeError('fetch is not defined');
      },
      { now, retry: false },
    );
    source.start();
    await flush();
    expect(source.getState().error).toMatchObject({ code: 'token_fetch_failed' });
  });

  it('prints nothing to the console, whatever happens', async () => {
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    const { source, last } = started();
    await flush();
    last().reject(new Error(SECRET));
    await elapse(1000);
    last().resolve({ token: SECRET, expiresAt: 5 });
    await elapse(2000);
    last().resolve(SECRET);
    await elapse(40 * MINUTE);
    source.dispose();
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });
});

function createSourceAnswering(answer: unknown) {
  const source = createAuthorizeTokenSource(() => Promise.resolve(answer as AuthorizeTokenResponse), { now });
  source.start();
  return { source };
}
