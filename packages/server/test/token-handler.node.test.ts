import { startFlinksSimulator } from '@flinks-embed/simulator';
import type { FlinksSimulator } from '@flinks-embed/simulator';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  FlinksApiError,
  FlinksConfigError,
  createAuthorizeTokenHandler,
  createFlinksClient,
} from '../src/index';
import type { AuthorizeTokenHandlerOptions, FlinksClient } from '../src/index';

const ENDPOINT = 'https://app.example/api/flinks/authorize-token';
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sim: FlinksSimulator;
let flinks: FlinksClient;
beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
  flinks = createFlinksClient({
    baseUrl: sim.apiBaseUrl,
    customerId: sim.customerId,
    secretKey: sim.secretKey,
  });
});
afterAll(() => sim.close());

function post(headers: Record<string, string> = {}, method = 'POST', url = ENDPOINT): Request {
  return new Request(url, { method, headers });
}

function handler(options: AuthorizeTokenHandlerOptions = {}) {
  return createAuthorizeTokenHandler(flinks, { onError: () => {}, ...options });
}

describe('createAuthorizeTokenHandler', () => {
  it('answers a same-origin POST with a fresh token and its expiry, uncached', async () => {
    const issued = sim.stats().tokensIssued;
    const before = Date.now();

    const response = await handler()(post({ Origin: 'https://app.example' }));

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const body = (await response.json()) as { token: string; expiresIn: number; expiresAt: number };
    expect(Object.keys(body).sort()).toEqual(['expiresAt', 'expiresIn', 'token']);
    // Relative, so that a browser whose clock is wrong can time it: 30 minutes from now.
    expect(body.expiresIn).toBeGreaterThanOrEqual(1799);
    expect(body.expiresIn).toBeLessThanOrEqual(1800);
    expect(body.token).toMatch(GUID);
    expect(body.expiresAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(sim.stats().tokensIssued).toBe(issued + 1);
    expect(sim.loadsOf(body.token)).toBe(0);
  });

  it('accepts a request without Origin (a server or a same-origin navigation)', async () => {
    expect((await handler()(post())).status).toBe(200);
  });

  it('treats the browser’s host as same-origin behind a proxy that rewrites request.url', async () => {
    const request = post(
      { Origin: 'https://app.example', 'X-Forwarded-Host': 'app.example' },
      'POST',
      'http://10.0.0.7:3000/api/token',
    );

    expect((await handler()(request)).status).toBe(200);
  });

  it.each(['GET', 'PUT', 'DELETE'])('refuses %s with 405 and Allow: POST', async (method) => {
    const response = await handler()(post({}, method));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toEqual({ error: 'method_not_allowed' });
  });

  it.each([
    ['another site', 'https://evil.example'],
    ['a sibling subdomain', 'https://admin.app.example'],
    ['another port', 'https://app.example:8443'],
    ['a sandboxed frame', 'null'],
  ])('refuses a POST from %s with 403, before calling Flinks', async (_, origin) => {
    const generateAuthorizeToken = vi.fn();
    const guarded = createAuthorizeTokenHandler({ generateAuthorizeToken }, { onError: () => {} });

    const response = await guarded(post({ Origin: origin }));

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'origin_not_allowed' });
    expect(generateAuthorizeToken).not.toHaveBeenCalled();
  });

  it('serves an allowed cross-origin caller with CORS headers, including preflight', async () => {
    const cors = handler({ allowedOrigins: ['https://shop.example/'] });

    const preflight = await cors(
      post(
        {
          Origin: 'https://shop.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type',
        },
        'OPTIONS',
      ),
    );
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      'access-control-allow-origin': 'https://shop.example',
      'access-control-allow-credentials': 'true',
      'access-control-allow-methods': 'POST',
      'access-control-allow-headers': 'content-type',
    });

    const response = await cors(post({ Origin: 'https://shop.example' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(response.headers.get('vary')).toBe('Origin');
  });

  it('refuses a preflight from an origin that is not allowed', async () => {
    const response = await handler({ allowedOrigins: ['https://shop.example'] })(
      post({ Origin: 'https://evil.example', 'Access-Control-Request-Method': 'POST' }, 'OPTIONS'),
    );

    expect(response.status).toBe(403);
  });

  it('rejects allowedOrigins entries that are not origins', () => {
    expect(() =>
      createAuthorizeTokenHandler(flinks, { allowedOrigins: ['https://shop.example/checkout'] }),
    ).toThrow(FlinksConfigError);
    expect(() => createAuthorizeTokenHandler(flinks, { allowedOrigins: ['shop.example'] })).toThrow(
      /allowedOrigins entries must be origins like "https:\/\/app\.example"/,
    );
  });

  it('runs allowRequest with the request: false answers 401 and mints nothing', async () => {
    const issued = sim.stats().tokensIssued;
    const allowRequest = vi.fn((request: Request) => request.headers.get('cookie') === 'session=ok');
    const guarded = handler({ allowRequest });

    const denied = await guarded(post({ Cookie: 'session=nope' }));
    const allowed = await guarded(post({ Cookie: 'session=ok' }));

    expect(denied.status).toBe(401);
    expect(await denied.json()).toEqual({ error: 'unauthorized' });
    expect(allowed.status).toBe(200);
    expect(allowRequest).toHaveBeenCalledTimes(2);
    expect(sim.stats().tokensIssued).toBe(issued + 1);
  });

  it('answers with the Response allowRequest returns (e.g. a 403)', async () => {
    const forbidden = new Response('{"error":"no_bank_linking_for_you"}', { status: 403 });

    expect(await handler({ allowRequest: async () => forbidden })(post())).toBe(forbidden);
  });

  it('answers 500 with a short code when allowRequest throws, and reports the error', async () => {
    const onError = vi.fn();
    const failure = new Error('session store down');

    const response = await handler({
      allowRequest: () => {
        throw failure;
      },
      onError,
    })(post());

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'allow_request_failed' });
    expect(onError).toHaveBeenCalledWith(failure);
  });

  it('answers 502 with a short code and no upstream detail when Flinks fails, and reports the error', async () => {
    const onError = vi.fn();
    sim.setFaults({ failNextTokenRequests: 1, tokenErrorStatus: 503 });

    const response = await handler({ onError })(post());

    expect(response.status).toBe(502);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('{"error":"flinks_unavailable"}');
    expect(onError).toHaveBeenCalledWith(expect.any(FlinksApiError));
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ status: 503 });
  });

  it('logs upstream failures with console.error by default, without the secret key', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const wrongKey = createFlinksClient({
        baseUrl: sim.apiBaseUrl,
        customerId: sim.customerId,
        secretKey: 'sk_wrong_secret_99',
      });

      const response = await createAuthorizeTokenHandler(wrongKey)(post());

      expect(response.status).toBe(502);
      expect(consoleError).toHaveBeenCalledTimes(1);
      const logged = consoleError.mock.calls[0] ?? [];
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/^\[flinks-embed\] authorize token endpoint: FlinksApiError: .*HTTP 401/);
      expect(logged[0]).not.toContain('\n');
      expect(logged[0]).not.toContain('sk_wrong_secret_99');
    } finally {
      consoleError.mockRestore();
    }
  });

  it('passes the request’s signal to Flinks, so an abandoned request stops the call', async () => {
    const generateAuthorizeToken = vi.fn(async (_options?: { signal?: AbortSignal }) => ({
      token: 't',
      expiresAt: 1,
      expiresIn: 1,
    }));
    const controller = new AbortController();

    await createAuthorizeTokenHandler({ generateAuthorizeToken })(
      new Request(ENDPOINT, { method: 'POST', signal: controller.signal }),
    );
    controller.abort();

    expect(generateAuthorizeToken.mock.calls[0]?.[0]?.signal?.aborted).toBe(true);
  });
});
