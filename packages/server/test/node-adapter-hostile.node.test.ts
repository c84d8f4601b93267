import { Agent, createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenHandler } from '../src/index';
import type { FetchHandler } from '../src/index';
import { toNodeListener } from '../src/node';
import type { NodeListenerOptions } from '../src/node';

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => {
    if (server === undefined) return resolve(undefined);
    server.close(resolve);
    server.closeAllConnections();
  });
  server = undefined;
});

async function listen(handler: FetchHandler, options?: NodeListenerOptions): Promise<number> {
  const listener = toNodeListener(handler, options);
  server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request exactly as given: the target is sent as it is (no URL normalization, unlike fetch),
 * and so is the Host header. `body` is written and the request ended; `send: false` sends only the
 * headers; `trickle` sends one byte and then nothing.
 */
function send(
  port: number,
  target: string,
  headers: Record<string, string>,
  options: { body?: string | Buffer; end?: boolean; chunks?: number } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: target,
      setHost: false,
      headers: { Host: `127.0.0.1:${port}`, ...headers },
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.flushHeaders();
    for (let i = 0; i < (options.chunks ?? 1); i++) if (options.body !== undefined) req.write(options.body);
    if (options.end !== false) req.end();
  });
}

function tokenEndpoint() {
  const generateAuthorizeToken = vi.fn(async () => ({ token: 'tok-1', expiresIn: 1, expiresAt: 1 }));
  return {
    generateAuthorizeToken,
    handler: createAuthorizeTokenHandler({ generateAuthorizeToken }, { onError: () => {} }),
  };
}

describe('toNodeListener: the origin comes from the deployment, never from the request target', () => {
  it.each([
    ['a protocol-relative path', '//evil.example/api/flinks/authorize-token'],
    ['a slash and a backslash', '/\\evil.example/api/flinks/authorize-token'],
    ['encoded slashes', '/%2F%2Fevil.example/api/flinks/authorize-token'],
    ['an absolute-form target', 'http://evil.example/api/flinks/authorize-token'],
    ['an absolute-form target with userinfo', 'http://127.0.0.1@evil.example/api/flinks/authorize-token'],
  ])('refuses Origin: http://evil.example with %s (403, no token)', async (_, target) => {
    const { handler, generateAuthorizeToken } = tokenEndpoint();
    const port = await listen(handler);

    const answer = await send(port, target, { Origin: 'http://evil.example' });

    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ error: 'origin_not_allowed' });
    expect(generateAuthorizeToken).not.toHaveBeenCalled();
  });

  it('refuses a target starting with backslashes (Node answers 400 before the handler)', async () => {
    const { handler, generateAuthorizeToken } = tokenEndpoint();
    const port = await listen(handler);

    const answer = await send(port, '\\\\evil.example/api/flinks/authorize-token', {
      Origin: 'http://evil.example',
    });

    expect([400, 403]).toContain(answer.status);
    expect(generateAuthorizeToken).not.toHaveBeenCalled();
  });

  it('gives the handler a URL on the Host, with the target’s path and query only', async () => {
    const seen: string[] = [];
    const port = await listen(async (request) => {
      seen.push(request.url);
      return new Response(null, { status: 204 });
    });

    for (const target of ['//evil.example/a?b=1', 'http://evil.example/c?d=2', '/\\evil.example/e', '*']) {
      await send(port, target, {});
    }

    expect(seen.map((url) => new URL(url).host)).toEqual(Array(4).fill(`127.0.0.1:${port}`));
    expect(seen.map((url) => new URL(url).pathname + new URL(url).search)).toEqual([
      '//evil.example/a?b=1',
      '/c?d=2',
      '//evil.example/e',
      '/*',
    ]);
  });

  it('compares the port of the Host: only the exact host:port is the same origin', async () => {
    const { handler, generateAuthorizeToken } = tokenEndpoint();
    const port = await listen(handler);
    const status = async (origin: string) =>
      (await send(port, '/api/flinks/authorize-token', { Origin: origin })).status;

    expect(await status(`http://127.0.0.1:${port}`)).toBe(200);
    expect(await status('http://127.0.0.1')).toBe(403);
    expect(await status(`http://127.0.0.1:${port + 1}`)).toBe(403);
    expect(await status(`http://localhost:${port}`)).toBe(403);
    expect(generateAuthorizeToken).toHaveBeenCalledTimes(1);
  });

  it('treats a Host that is not a host (userinfo, path) as no match', async () => {
    const { handler, generateAuthorizeToken } = tokenEndpoint();
    const port = await listen(handler);

    for (const host of ['evil.example@127.0.0.1', '127.0.0.1/evil', 'app.example, evil.example/x']) {
      const answer = await send(port, '/api', { Host: host, Origin: 'http://127.0.0.1' });
      expect(answer.status, host).toBe(403);
    }
    expect(generateAuthorizeToken).not.toHaveBeenCalled();
  });
});

describe('toNodeListener: request bodies', () => {
  it('decides method and origin before any body byte arrives', async () => {
    const { handler } = tokenEndpoint();
    const port = await listen(handler);

    // Headers only: the 100 declared bytes never come. The answers must not wait for them.
    const refused = await send(
      port,
      '/api',
      { Origin: 'https://evil.example', 'Content-Length': '100' },
      {
        end: false,
      },
    );
    const allowed = await send(
      port,
      '/api',
      { Origin: `http://127.0.0.1:${port}`, 'Content-Length': '100' },
      {
        end: false,
      },
    );

    expect(refused.status).toBe(403);
    expect(allowed.status).toBe(200);
  });

  it('closes, rather than drains, a connection whose streamed body the handler did not read', async () => {
    const { handler } = tokenEndpoint();
    const port = await listen(handler);

    const answer = await send(port, '/api', { 'Transfer-Encoding': 'chunked' }, { body: 'x', end: false });

    expect(answer.status).toBe(200);
    expect(answer.headers.connection).toBe('close');
  });

  it('keeps the connection alive after a small declared body the handler did not read', async () => {
    const { handler, generateAuthorizeToken } = tokenEndpoint();
    const port = await listen(handler);
    const connections = new Set<unknown>();
    server?.on('connection', (socket) => connections.add(socket));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });

    try {
      for (let i = 0; i < 3; i++) {
        const answer = await new Promise<{ status: number; connection: string | undefined }>(
          (resolve, reject) => {
            const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path: '/api', agent });
            req.on('response', (res) => {
              res.resume();
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, connection: res.headers.connection }),
              );
            });
            req.on('error', reject);
            req.end('{"a":1}');
          },
        );
        expect(answer).toEqual({ status: 200, connection: 'keep-alive' });
      }
    } finally {
      agent.destroy();
    }

    expect(generateAuthorizeToken).toHaveBeenCalledTimes(3);
    expect(connections.size).toBe(1);
  });

  it('refuses a declared body over maxBodyBytes with 413, without running the handler', async () => {
    const handler = vi.fn(async (request: Request) => new Response(await request.text()));
    const port = await listen(handler, { maxBodyBytes: 10 });

    const over = await send(port, '/api', { 'Content-Length': '11' }, { body: 'x'.repeat(11), end: false });
    const within = await send(port, '/api', {}, { body: 'x'.repeat(10) });

    expect(over.status).toBe(413);
    expect(JSON.parse(over.body)).toEqual({ error: 'payload_too_large' });
    expect(over.headers.connection).toBe('close');
    expect(over.headers['cache-control']).toBe('no-store');
    expect(within).toMatchObject({ status: 200, body: 'x'.repeat(10) });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('defaults maxBodyBytes to 16 KiB', async () => {
    const port = await listen(async (request) => new Response(String((await request.text()).length)));

    expect((await send(port, '/', {}, { body: 'x'.repeat(16_384) })).body).toBe('16384');
    const over = await send(
      port,
      '/',
      { 'Content-Length': '16385' },
      { body: 'x'.repeat(16_385), end: false },
    );
    expect(over.status).toBe(413);
  });

  it('cuts a streamed (chunked) body off at maxBodyBytes with 413, even if the handler catches', async () => {
    const port = await listen(
      async (request) => {
        const text = await request.text().catch(() => 'caught');
        return new Response(text);
      },
      { maxBodyBytes: 1000 },
    );

    const answer = await send(
      port,
      '/',
      { 'Transfer-Encoding': 'chunked' },
      { body: 'x'.repeat(600), chunks: 3 },
    );

    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: 'payload_too_large' });
  });

  it('cuts a body that trickles in off after bodyTimeoutMs with 408', async () => {
    const port = await listen(async (request) => new Response(await request.text()), { bodyTimeoutMs: 50 });

    // One byte of the ten declared, then nothing: the body never completes.
    const answer = await send(port, '/', { 'Content-Length': '10' }, { body: 'x', end: false });

    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toEqual({ error: 'request_timeout' });
    expect(answer.headers.connection).toBe('close');
  });

  it('cuts off with 408 a handler that starts reading a trickling body after bodyTimeoutMs', async () => {
    const port = await listen(
      async (request) => {
        await new Promise((resolve) => setTimeout(resolve, 60)); // a timer after the 30 ms deadline
        return new Response(await request.text());
      },
      { bodyTimeoutMs: 30 },
    );

    const answer = await send(port, '/', { 'Content-Length': '10' }, { body: 'x', end: false });

    expect(answer.status).toBe(408);
  });

  it('rejects limits that are not numbers of 0 or more', () => {
    const handler: FetchHandler = async () => new Response();
    expect(() => toNodeListener(handler, { maxBodyBytes: -1 })).toThrow(
      /maxBodyBytes must be a number, 0 or more; got -1/,
    );
    expect(() => toNodeListener(handler, { bodyTimeoutMs: Number.NaN })).toThrow(/bodyTimeoutMs/);
  });
});
