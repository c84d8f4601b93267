import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFlinksSimulator } from '@flinks-embed/simulator';
import type { FlinksSimulator } from '@flinks-embed/simulator';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenHandler, createFlinksClient } from '../src/index';
import { toNodeListener } from '../src/node';
import type { NodeListener } from '../src/node';

let sim: FlinksSimulator;
let server: Server | undefined;
beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
});
afterAll(() => sim.close());
afterEach(async () => {
  await new Promise((resolve) => {
    if (server === undefined) return resolve(undefined);
    server.close(resolve);
    server.closeAllConnections();
  });
  server = undefined;
});

async function listen(listener: NodeListener): Promise<string> {
  server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('toNodeListener', () => {
  it('serves the token endpoint on node:http, end to end against the simulator', async () => {
    const flinks = createFlinksClient({
      baseUrl: sim.apiBaseUrl,
      customerId: sim.customerId,
      secretKey: sim.secretKey,
    });
    const origin = await listen(toNodeListener(createAuthorizeTokenHandler(flinks)));

    const response = await fetch(`${origin}/api/flinks/authorize-token`, {
      method: 'POST',
      headers: { Origin: origin },
    });

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const { token } = (await response.json()) as { token: string };
    expect(sim.loadsOf(token)).toBe(0);
    expect(
      (
        await fetch(`${origin}/api/flinks/authorize-token`, {
          method: 'POST',
          headers: { Origin: 'https://evil.example' },
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${origin}/api/flinks/authorize-token`)).headers.get('allow')).toBe('POST');
  });

  it('builds the Request from the socket: URL with the original path, method, repeated headers, body', async () => {
    let seen: { url: string; method: string; cookie: string | null; body: string } | undefined;
    const origin = await listen(
      toNodeListener(async (request) => {
        seen = {
          url: request.url,
          method: request.method,
          cookie: request.headers.get('x-multi'),
          body: await request.text(),
        };
        return new Response('ok', {
          status: 201,
          headers: [
            ['Set-Cookie', 'a=1'],
            ['Set-Cookie', 'b=2'],
            ['X-Test', 'yes'],
          ],
        });
      }),
    );

    const response = await fetch(`${origin}/api/token?x=1`, {
      method: 'PUT',
      headers: { 'X-Multi': 'one' },
      body: 'hello',
    });

    expect(response.status).toBe(201);
    expect(await response.text()).toBe('ok');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(seen).toEqual({ url: `${origin}/api/token?x=1`, method: 'PUT', cookie: 'one', body: 'hello' });
  });

  it('uses originalUrl when a framework mounted the listener under a path', async () => {
    let url = '';
    const listener = toNodeListener(async (request) => {
      url = request.url;
      return new Response(null, { status: 204 });
    });
    const origin = await listen((req, res) => {
      Object.assign(req, { originalUrl: req.url, url: '/' }); // what Express and Connect do
      listener(req, res);
    });

    await fetch(`${origin}/mounted/token`, { method: 'POST' });

    expect(url).toBe(`${origin}/mounted/token`);
  });

  it('answers 500 when the handler throws and there is no next', async () => {
    const origin = await listen(
      toNodeListener(async () => {
        throw new Error('boom');
      }),
    );

    const response = await fetch(origin, { method: 'POST' });

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: 'internal_error' });
  });

  it('passes the error to next, as middleware does', async () => {
    const failure = new Error('boom');
    const next = vi.fn();
    const listener = toNodeListener(async () => {
      throw failure;
    });
    const origin = await listen((req, res) => {
      listener(req, res, (error) => {
        next(error);
        res.writeHead(418).end();
      });
    });

    expect((await fetch(origin, { method: 'POST' })).status).toBe(418);
    expect(next).toHaveBeenCalledWith(failure);
  });

  it('aborts the Request’s signal when the client goes away', async () => {
    let signal: AbortSignal | undefined;
    const origin = await listen(
      toNodeListener(
        (request) =>
          new Promise((resolve) => {
            signal = request.signal;
            request.signal.addEventListener('abort', () => resolve(new Response(null, { status: 499 })));
          }),
      ),
    );
    const controller = new AbortController();

    const pending = fetch(origin, { method: 'POST', signal: controller.signal }).catch(() => 'aborted');
    await vi.waitFor(() => expect(signal).toBeDefined(), { timeout: 5000 });
    controller.abort();

    expect(await pending).toBe('aborted');
    await vi.waitFor(() => expect(signal?.aborted).toBe(true), { timeout: 5000 });
  });
});
