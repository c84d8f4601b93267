import { describe, expect, it } from 'vitest';
import type { FetchHandler } from '../src/index';
import { CANARY, SEED, UPSTREAMS, UPSTREAM_TOKEN, captureConsole, fuzzer, printed } from './fuzz-support';

const { rand, pick, chance, tokenHandler } = fuzzer(0);
const logged = captureConsole();

describe(`fuzz (seed ${SEED}): the token handler`, () => {
  it('answers every request with a known status, mints only for allowed POSTs, leaks the canary nowhere', async () => {
    const errors: unknown[] = [];
    // Each Host value, and the Origin values (from the list below) that it makes same-origin. The
    // scheme is not compared with a Host (a TLS proxy hides it), only a default port.
    const app = ['https://app.example', 'http://app.example', 'https://app.example/'];
    const hostTable: readonly (readonly [host: string | null, matches: readonly string[]])[] = [
      [null, []],
      ['app.example', app],
      ['app.example:443', ['https://app.example', 'https://app.example/']],
      ['APP.EXAMPLE', app],
      ['app.example:8443', ['https://app.example:8443']],
      ['evil.example', ['https://evil.example']],
      ['a@app.example', []],
      ['app.example/x', []],
      ['', []],
    ];
    const origins = [
      null,
      'https://app.example',
      'https://app.example:8443',
      'https://evil.example',
      'https://shop.example',
      'http://app.example',
      'null',
      'garbage',
      'https://app.example.evil.example',
      'https://app.example/',
    ];
    const urls = [
      'https://app.example/api/flinks/authorize-token',
      'https://evil.example/api/flinks/authorize-token',
      'http://10.0.0.7:3000//evil.example/api',
      'https://app.example/%2F%2Fevil.example',
      'https://app.example/\\evil.example',
    ];

    for (let i = 0; i < 400; i++) {
      const method = pick(['POST', 'POST', 'POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'HEAD']);
      const url = pick(urls);
      const [host, hostOrigins] = pick(hostTable);
      const forwarded = chance(0.2) ? pick(hostTable) : ([null, []] as const);
      const origin = pick(origins);
      const kind = pick(UPSTREAMS);
      const allowedOrigins = chance(0.5) ? ['https://shop.example'] : undefined;
      const headers = new Headers();
      if (host !== null) headers.set('host', host);
      if (forwarded[0] !== null) headers.set('x-forwarded-host', forwarded[0]);
      if (origin !== null) headers.set('origin', origin);
      if (chance(0.3)) {
        headers.set(
          'access-control-request-headers',
          pick(['x-forwarded-host', 'authorization, x-evil', 'content-type', CANARY]),
        );
      }
      if (chance(0.2)) headers.set('content-type', pick(['application/json', 'text/plain', CANARY]));
      const body =
        method === 'GET' || method === 'HEAD' || chance(0.5)
          ? undefined
          : pick(['{}', '{"a":1}', 'x'.repeat(Math.floor(rand() * 65_536)), CANARY]);
      const where = `seed ${SEED}, handler case ${i}: ${method} ${url} ${JSON.stringify([...headers])} upstream ${kind} allowed ${String(allowedOrigins)}`;
      const handler: FetchHandler = tokenHandler(
        kind,
        { log: chance(0.5), ...(allowedOrigins ? { allowedOrigins } : {}) },
        errors,
      );

      const response = await handler(
        new Request(url, { method, headers, ...(body === undefined ? {} : { body }) }),
      );

      const text = await response.text();
      expect([200, 204, 403, 405, 502], where).toContain(response.status);
      expect(text, where).not.toContain(CANARY);
      expect(printed([...response.headers]), where).not.toContain(CANARY);
      if (response.status !== 204) expect(response.headers.get('cache-control'), where).toBe('no-store');
      const allowHeaders = response.headers.get('access-control-allow-headers');
      if (allowHeaders !== null) expect(allowHeaders, where).toBe('content-type');

      // The oracle: whom the deployment (Host, X-Forwarded-Host, request.url) says is same-origin.
      const sameOrigin =
        origin === null ||
        (allowedOrigins ?? []).includes(origin) ||
        (host === null && forwarded[0] === null
          ? URL.canParse(origin) && new URL(url).origin === new URL(origin).origin
          : hostOrigins.includes(origin) || forwarded[1].includes(origin));
      if (!sameOrigin) {
        expect(response.status, where).toBe(403);
      } else if (method === 'OPTIONS' && origin !== null && response.status === 204) {
        expect(response.headers.get('access-control-allow-origin'), where).toBe(origin);
      } else if (method !== 'POST' && method !== 'OPTIONS') {
        expect(response.status, where).toBe(405);
      } else if (method === 'POST') {
        expect(response.status, where).toBe(kind === 'ok' ? 200 : 502);
        if (kind === 'ok') expect(JSON.parse(text).token, where).toBe(UPSTREAM_TOKEN);
      }
    }

    expect(errors.length).toBeGreaterThan(0);
    expect(logged.length).toBeGreaterThan(0);
    expect(printed(errors)).not.toContain(CANARY);
    expect(printed(logged)).not.toContain(CANARY);
  });
});
