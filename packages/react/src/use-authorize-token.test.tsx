import { act, renderHook } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useAuthorizeToken, type UseAuthorizeTokenOptions } from './index';
import {
  advance,
  flush,
  MINUTE,
  pendingFetcher,
  reasons,
  setupTestEnvironment,
  tokenFetcher,
} from '../test/jsdom';

setupTestEnvironment();

const START = Date.UTC(2025, 0, 1);

function renderToken(fetcher = tokenFetcher(), options: UseAuthorizeTokenOptions = {}) {
  const view = renderHook((props: UseAuthorizeTokenOptions) => useAuthorizeToken(fetcher, props), {
    initialProps: options,
    wrapper: StrictMode,
  });
  return { fetcher, ...view };
}

describe('useAuthorizeToken', () => {
  it('fetches one token per mount, under StrictMode too, and reports it', async () => {
    const { fetcher, result } = renderToken();
    expect(result.current).toMatchObject({ status: 'idle', token: null, expiresAt: null, error: null });
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(result.current).toMatchObject({ status: 'ready', token: 'token-1', used: false, error: null });
  });

  it('stays idle with enabled: false, and fetches once it turns true', async () => {
    const { fetcher, result, rerender } = renderToken(undefined, { enabled: false });
    await advance(10 * MINUTE);
    expect(fetcher).not.toHaveBeenCalled();
    expect(result.current.status).toBe('idle');

    rerender({ enabled: true });
    await flush();
    expect(reasons(fetcher)).toEqual(['mount']);
    expect(result.current).toMatchObject({ status: 'ready', token: 'token-1' });

    // Disabling drops the token: it may not be used once the hook is off.
    rerender({ enabled: false });
    expect(result.current).toMatchObject({ status: 'idle', token: null });
    await advance(60 * MINUTE);
    expect(fetcher).toHaveBeenCalledOnce();
  });

  it('aborts a request in flight when disabled', async () => {
    const { fetcher, calls } = pendingFetcher();
    const { result, rerender } = renderToken(fetcher);
    await flush();
    expect(result.current.status).toBe('loading');
    rerender({ enabled: false });
    expect(calls[0]!.context.signal.aborted).toBe(true);
    calls[0]!.resolve('late');
    await flush();
    expect(result.current.status).toBe('idle');
  });

  it('replaces the token on refresh(), with reason refresh', async () => {
    const { fetcher, result } = renderToken();
    await flush();
    const { refresh } = result.current;
    act(() => refresh());
    expect(result.current.status).toBe('loading');
    await flush();
    expect(reasons(fetcher)).toEqual(['mount', 'refresh']);
    expect(result.current.token).toBe('token-2');
    expect(result.current.refresh).toBe(refresh);
  });

  it('keeps the result identity while nothing changed', async () => {
    const { result, rerender } = renderToken();
    await flush();
    const first = result.current;
    rerender({});
    expect(result.current).toBe(first);
  });

  it('times a token with only a server expiresAt from the request start, as the clocks may disagree', async () => {
    vi.setSystemTime(START);
    const expiresAt = new Date(START + 60 * MINUTE).toISOString();
    const fetcher = tokenFetcher((token) => ({ token, expiresAt }));
    const { result } = renderToken(fetcher, { refreshMarginMs: 30_000, tokenLifetimeMs: 10 * MINUTE });
    await flush();
    expect(result.current.expiresAt).toBe(START + 10 * MINUTE);
    await advance(9.5 * MINUTE - 1);
    expect(fetcher).toHaveBeenCalledOnce();
    await advance(1);
    expect(reasons(fetcher)).toEqual(['mount', 'expired']);
  });

  it('computes expiresAt from expiresIn, else from the request start plus tokenLifetimeMs', async () => {
    vi.setSystemTime(START);
    const inSeconds = renderToken(tokenFetcher((token) => ({ token, expiresIn: 900 })));
    const byLifetime = renderToken(tokenFetcher(), { tokenLifetimeMs: 20 * MINUTE });
    await flush();
    expect(inSeconds.result.current.expiresAt).toBe(START + 15 * MINUTE);
    expect(byLifetime.result.current.expiresAt).toBe(START + 20 * MINUTE);
  });

  it('never replaces a token after markUsed()', async () => {
    const { fetcher, result } = renderToken();
    await flush();
    act(() => result.current.markUsed());
    expect(result.current.used).toBe(true);
    await advance(3 * 60 * MINUTE);
    expect(fetcher).toHaveBeenCalledOnce();
    expect(result.current.token).toBe('token-1');
  });

  it('reports a typed error naming what the fetcher resolved to, never its value', async () => {
    const fetcher = tokenFetcher(() => ({ nope: 'secret-value' }) as never);
    const { result } = renderToken(fetcher, { retry: false });
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    expect(result.current.status).toBe('error');
    expect(result.current.error).toMatchObject({ code: 'invalid_token_response' });
    expect(result.current.error!.message).toContain('keys nope');
    expect(result.current.error!.message).not.toContain('secret-value');
  });

  it('starts over with a new token when an option changes by value', async () => {
    const { fetcher, result, rerender } = renderToken(undefined, { retry: { attempts: 2 } });
    await flush();
    rerender({ retry: { attempts: 2 } });
    await flush();
    expect(fetcher).toHaveBeenCalledOnce();
    rerender({ retry: { attempts: 5 } });
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
    expect(result.current.token).toBe('token-2');
  });
});
