// The README's fetcher against the answers a token endpoint gives when it is set up wrong: the
// app's developer reads what is wrong and what to do, and nothing is retried that cannot change.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenSource, type TokenRequestContext } from './index';

/** The fetcher the README shows, as written there. */
const readmeFetcher = ({ signal }: TokenRequestContext) =>
  fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then(async (response) => {
    const body = await response.json(); // { token, expiresIn, expiresAt }, or { error: 'server_not_configured' }...
    if (!response.ok) throw Object.assign(new Error(`token endpoint: ${body.error}`), { code: body.error });
    return body;
  });

const answering = (body: string, status: number, type = 'application/json') =>
  vi.fn(async () => new Response(body, { status, headers: { 'content-type': type } }));

async function settled(fetchMock: ReturnType<typeof answering>) {
  vi.stubGlobal('fetch', fetchMock);
  const source = createAuthorizeTokenSource(readmeFetcher);
  source.start();
  await vi.advanceTimersByTimeAsync(60_000);
  return source.getState();
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a token endpoint that is set up wrong', () => {
  it('server_not_configured: says so and what to set, and asks only once', async () => {
    const fetchMock = answering(JSON.stringify({ error: 'server_not_configured' }), 500);
    const { status, error } = await settled(fetchMock);
    expect(status).toBe('error');
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(error).toMatchObject({ code: 'token_fetch_failed', cause: { code: 'server_not_configured' } });
    expect(error!.message).toMatch(/answered server_not_configured: .*FLINKS_SECRET_KEY/);
    expect(error!.message).toContain('not retried');
  });

  it('origin_not_allowed: names allowedOrigins, and asks only once', async () => {
    const fetchMock = answering(JSON.stringify({ error: 'origin_not_allowed' }), 403);
    const { error } = await settled(fetchMock);
    expect(fetchMock).toHaveBeenCalledOnce();
    expect(error!.message).toMatch(/origin_not_allowed: .*allowedOrigins/);
  });

  it('a transient answer (flinks_unavailable) is still retried', async () => {
    const fetchMock = answering(JSON.stringify({ error: 'flinks_unavailable' }), 502);
    const { error } = await settled(fetchMock);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(error).toMatchObject({ code: 'token_fetch_failed', cause: { code: 'flinks_unavailable' } });
    expect(error!.message).toContain('attempt 3 of 3');
  });

  it('an HTML page: says the endpoint answered something that is not JSON', async () => {
    const fetchMock = answering('<!doctype html><title>Not found</title>', 404, 'text/html');
    const { error } = await settled(fetchMock);
    expect(error).toMatchObject({ code: 'token_fetch_failed', cause: { name: 'SyntaxError' } });
    expect(error!.message).toMatch(/answered something that is not JSON/);
    expect(error!.message).toMatch(/endpoint URL/);
  });
});
