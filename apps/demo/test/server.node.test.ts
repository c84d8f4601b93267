import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi, parseFaults } from '../server/api';
import { readFlinksCredentials, startBackend, type Backend } from '../server/backend';
import { startupBanner } from '../server/banner';

describe('choosing between the simulator and real Flinks', () => {
  it('uses the simulator when no FLINKS_* variable is set, and real Flinks when all three are', () => {
    expect(readFlinksCredentials({})).toBeNull();
    expect(readFlinksCredentials({ FLINKS_INSTANCE: '  ', FLINKS_CUSTOMER_ID: '' })).toBeNull();
    const customerId = randomUUID();
    expect(
      readFlinksCredentials({
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: customerId,
        FLINKS_SECRET_KEY: 'k',
      }),
    ).toEqual({ instance: 'toolbox', customerId, secretKey: 'k' });
  });

  it('refuses a partial configuration and names what is missing', () => {
    expect(() => readFlinksCredentials({ FLINKS_INSTANCE: 'toolbox' })).toThrow(
      /missing: FLINKS_CUSTOMER_ID, FLINKS_SECRET_KEY/,
    );
  });

  it('prints the URL and the mode, and never the secret', () => {
    const secretKey = `secret-${randomUUID()}`;
    const simulator = startupBanner({
      url: 'http://localhost:5173/',
      mode: 'dev',
      config: {
        backend: 'simulator',
        connectUrl: 'http://127.0.0.1:4000/v2/',
        tokenLifetimeMs: 1_800_000,
        sandbox: {
          institution: 'Flinks Capital',
          username: 'Greatday',
          password: 'Everyday',
          securityQuestion: 'What city were you born in?',
          securityAnswer: 'Montreal',
        },
      },
    });
    expect(simulator).toContain('http://localhost:5173/');
    expect(simulator).toContain('local simulator at http://127.0.0.1:4000');
    expect(simulator).toContain('Greatday / Everyday');
    const real = startupBanner({
      url: 'http://localhost:5173/',
      mode: 'production',
      config: { backend: 'flinks', instance: 'toolbox', sandbox: null },
    });
    expect(real).toContain('real Flinks, instance "toolbox"');
    expect(real).toContain('production build');
    expect(real).not.toContain(secretKey);
  });
});

describe('the demo API', () => {
  // The API alone on a plain node:http server: what the demo server puts in front of the app.
  let backend: Backend;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    backend = await startBackend({});
    const api = createApi(backend, () => {});
    server = createServer((req, res) => {
      if (!api(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await backend?.simulator?.close();
  });

  const post = (path: string, body: unknown, origin = new URL(url).origin) =>
    fetch(new URL(path, url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(body),
    });

  it('mints one fresh token per request through createAuthorizeTokenHandler, never cached', async () => {
    const [first, second] = await Promise.all([
      post('/api/flinks/authorize-token', {}),
      post('/api/flinks/authorize-token', {}),
    ]);
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const a = (await first.json()) as { token: string; expiresAt: number };
    const b = (await second.json()) as { token: string; expiresAt: number };
    expect(a.token).not.toBe(b.token);
    expect(a.expiresAt).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(backend.simulator!.loadsOf(a.token)).toBe(0);
  });

  it('refuses token and fault requests from other origins', async () => {
    const before = backend.simulator!.stats().tokensIssued;
    expect((await post('/api/flinks/authorize-token', {}, 'https://evil.example')).status).toBe(403);
    expect(
      (await post('/api/demo/faults', { failNextTokenRequests: 3 }, 'https://evil.example')).status,
    ).toBe(403);
    expect(backend.simulator!.stats().tokensIssued).toBe(before);
  });

  it('switches simulator faults for the page, within limits', async () => {
    expect((await post('/api/demo/faults', { failNextTokenRequests: 99 })).status).toBe(400);
    expect((await post('/api/demo/faults', 'nope')).status).toBe(400);
    expect((await post('/api/demo/faults', { failNextTokenRequests: 1 })).status).toBe(204);
    expect((await post('/api/flinks/authorize-token', {})).status).toBe(502);
    expect((await post('/api/flinks/authorize-token', {})).status).toBe(200);
  });

  it('answers the page config, and 404/405 for unknown API calls', async () => {
    const config = await (await fetch(new URL('/api/demo/config', url))).json();
    expect(config).toMatchObject({ backend: 'simulator', connectUrl: backend.simulator!.connectUrl });
    expect(JSON.stringify(config)).not.toContain(backend.simulator!.secretKey);
    expect((await fetch(new URL('/api/flinks/authorize-token', url))).status).toBe(405);
    expect((await fetch(new URL('/api/nope', url))).status).toBe(404);
  });

  it('checks fault requests', () => {
    expect(parseFaults({ failNextTokenRequests: 3, tokenLatencyMs: 500 })).toEqual({
      failNextTokenRequests: 3,
      tokenLatencyMs: 500,
    });
    expect(parseFaults({ tokenLatencyMs: -1 })).toMatch(/tokenLatencyMs/);
    expect(parseFaults({ failNextDataCalls: 1 })).toEqual({ failNextDataCalls: 1 });
    expect(parseFaults({ failNextDataCalls: 11 })).toMatch(
      /failNextDataCalls must be a whole number from 0 to 10/,
    );
    expect(parseFaults([])).toMatch(/JSON object/);
  });
});
