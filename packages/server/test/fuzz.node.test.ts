import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenHandler, createFlinksClient } from '../src/index';
import type { FetchHandler } from '../src/index';
import { toNodeListener } from '../src/node';

// Seeded: a failure names its seed and case, and FUZZ_SEED=<seed> replays it exactly.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';
// The canary: the secret key of every client below, and FLINKS_SECRET_KEY while these tests run.
const CANARY = `sk_canary_${SEED.toString(36)}_b7f3e1`;
const UPSTREAM_TOKEN = '5e0c8a3b-1d2f-4e6a-9b7c-0a1b2c3d4e5f';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
const rand = random(SEED);
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
const chance = (p: number): boolean => rand() < p;

type Upstream = 'ok' | '401-echo' | '500-html' | '200-html' | '200-no-token' | 'timeout' | 'network';
const UPSTREAMS: readonly Upstream[] = [
  'ok',
  '401-echo',
  '500-html',
  '200-html',
  '200-no-token',
  'timeout',
  'network',
];

/** A stand-in for Flinks that misbehaves as told, echoing the key it received wherever it can. */
function upstream(kind: Upstream): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    const key = new Headers(init?.headers).get('flinks-auth-key') ?? '';
    switch (kind) {
      case 'ok':
        return new Response(JSON.stringify({ HttpStatusCode: 200, Token: UPSTREAM_TOKEN }));
      case '401-echo':
        return new Response(
          JSON.stringify({
            Message: `invalid key ${key}`,
            FlinksCode: key,
            RequestId: `r-${key}`,
            Other: key,
          }),
          { status: 401 },
        );
      case '500-html':
        return new Response(`<html>${key}</html>`, { status: 500, headers: { 'Content-Type': 'text/html' } });
      case '200-html':
        return new Response(`<html>${key}</html>`, { headers: { 'Content-Type': 'text/html' } });
      case '200-no-token':
        return new Response(JSON.stringify({ HttpStatusCode: 200, Echo: key }));
      case 'timeout':
        return new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error(`aborted while sending ${key}`)));
        });
      case 'network':
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`refused ${key}`), { code: key }),
        });
    }
  }) as typeof fetch;
}

function tokenHandler(
  kind: Upstream,
  options: { allowedOrigins?: string[]; log: boolean },
  errors: unknown[],
) {
  const flinks = createFlinksClient({
    instance: 'toolbox',
    customerId: CUSTOMER_ID,
    secretKey: pick([CANARY, `${CANARY}\n`, ` ${CANARY} `]),
    fetch: upstream(kind),
    timeoutMs: 5,
  });
  return createAuthorizeTokenHandler(flinks, {
    ...(options.allowedOrigins === undefined ? {} : { allowedOrigins: options.allowedOrigins }),
    // Half the cases log with the default console.error line, which the spies capture.
    ...(options.log ? {} : { onError: (error: unknown) => errors.push(error) }),
  });
}

const printed = (values: readonly unknown[]): string =>
  values.map((value) => (typeof value === 'string' ? value : inspect(value, { depth: 10 }))).join('\n');

let logged: unknown[] = [];
let savedSecret: string | undefined;
beforeAll(() => {
  savedSecret = process.env.FLINKS_SECRET_KEY;
  process.env.FLINKS_SECRET_KEY = CANARY;
  for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(...args));
  }
});
afterAll(() => {
  vi.restoreAllMocks();
  if (savedSecret === undefined) delete process.env.FLINKS_SECRET_KEY;
  else process.env.FLINKS_SECRET_KEY = savedSecret;
  logged = [];
});

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

describe(`fuzz (seed ${SEED}): the Node adapter`, () => {
  let server: Server;
  let port: number;
  const errors: unknown[] = [];
  let kind: Upstream = 'ok';

  beforeAll(async () => {
    const reader = toNodeListener(async (request) => new Response(String((await request.text()).length)), {
      maxBodyBytes: 1024,
      bodyTimeoutMs: 50,
    });
    server = createServer((req, res) => {
      if (req.url?.startsWith('/read') === true) return reader(req, res);
      const handler = tokenHandler(kind, { log: chance(0.5) }, errors);
      toNodeListener(handler, { maxBodyBytes: 1024, bodyTimeoutMs: 50 })(req, res);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise((resolve) => {
      server.close(resolve);
      server.closeAllConnections();
    });
  });

  /** Writes raw bytes and reads until the answer is complete or the server closes. */
  function exchange(head: string, body: Buffer | undefined): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      const chunks: Buffer[] = [];
      const done = (): void => {
        clearTimeout(timer);
        socket.destroy();
        resolve(Buffer.concat(chunks).toString('latin1'));
      };
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error('no answer within 5 s'));
      }, 5000);
      socket.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        const text = Buffer.concat(chunks).toString('latin1');
        const end = text.indexOf('\r\n\r\n');
        const length = /\r\ncontent-length: (\d+)/i.exec(text);
        if (end >= 0 && length !== null && text.length >= end + 4 + Number(length[1])) done();
      });
      socket.on('error', () => done());
      socket.on('close', () => done());
      socket.write(head);
      if (body !== undefined) socket.write(body);
    });
  }

  it('answers raw requests of every shape with a known status, within bounds, leaking nothing', async () => {
    const self = `127.0.0.1:${port}`;
    for (let i = 0; i < 80; i++) {
      const where = `seed ${SEED}, adapter case ${i}`;
      kind = pick(UPSTREAMS);
      const method = pick(['POST', 'POST', 'GET', 'OPTIONS', 'PUT', 'DELETE']);
      const reads = chance(0.3);
      const path = pick([
        '/api/flinks/authorize-token',
        '//evil.example/api',
        '/\\evil.example/api',
        '/%2F%2Fevil.example',
        `http://evil.example/api`,
        '*',
      ]);
      const target = reads ? `/read${pick(['', '?x=1'])}` : path;
      const host = pick([self, self, 'evil.example', `localhost:${port}`, 'a@b', '']);
      const origin = pick([null, `http://${self}`, 'http://evil.example', 'null', `http://127.0.0.1`]);
      const shape = pick([
        'none',
        'small',
        'exact-limit',
        'declared-huge',
        'chunked',
        'chunked-huge',
        'trickle',
      ]);
      const lines = [`${method} ${target} HTTP/1.1`, `Host: ${host}`];
      if (origin !== null) lines.push(`Origin: ${origin}`);
      if (chance(0.3)) lines.push(`X-Canary: ${CANARY}`);
      let body: Buffer | undefined;
      const size = (n: number) => Buffer.alloc(n, 0x61);
      if (shape === 'small') body = size(Math.floor(rand() * 200));
      if (shape === 'exact-limit') body = size(1024);
      if (shape === 'small' || shape === 'exact-limit') lines.push(`Content-Length: ${body?.length ?? 0}`);
      if (shape === 'declared-huge') {
        lines.push(`Content-Length: ${64 * 1024 * 1024}`);
        body = size(64 * 1024);
      }
      if (shape === 'chunked' || shape === 'chunked-huge') {
        lines.push('Transfer-Encoding: chunked');
        const piece = size(shape === 'chunked' ? 100 : 4096);
        const count = shape === 'chunked' ? 3 : 64;
        const framed = Buffer.concat([
          Buffer.from(`${piece.length.toString(16)}\r\n`),
          piece,
          Buffer.from('\r\n'),
        ]);
        body = Buffer.concat([...Array<Buffer>(count).fill(framed), Buffer.from('0\r\n\r\n')]);
      }
      if (shape === 'trickle') {
        lines.push('Content-Length: 500');
        body = size(10);
      }
      lines.push('Connection: close');

      const answer = await exchange(`${lines.join('\r\n')}\r\n\r\n`, body);

      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      expect([200, 204, 400, 403, 405, 408, 413, 502], `${where}: ${answer.slice(0, 80)}`).toContain(status);
      expect(answer, where).not.toContain(CANARY);
      if (status === 200 && !reads) {
        expect(method, where).toBe('POST');
        expect(origin === null || (origin === `http://${self}` && host === self), where).toBe(true);
      }
      if (shape === 'declared-huge') expect(status, where).toBe(413);
      if (reads && (shape === 'chunked-huge' || shape === 'trickle') && method !== 'GET') {
        expect(status, where).toBe(shape === 'trickle' ? 408 : 413);
      }
    }
    expect(printed(errors)).not.toContain(CANARY);
    expect(printed(logged)).not.toContain(CANARY);
  });
});
