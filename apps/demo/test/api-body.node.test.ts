import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../server/api';
import { startBackend, type Backend } from '../server/backend';

const MB = 1024 * 1024;
const BODY = 64 * MB;

let backend: Backend;
let server: Server;
let port: number;
let sockets: Socket[] = [];

beforeAll(async () => {
  backend = await startBackend({});
  const api = createApi(backend, () => {});
  server = createServer((req, res) => {
    if (!api(req, res)) res.writeHead(404).end();
  });
  server.on('connection', (socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await backend?.simulator?.close();
});

/** Uploads up to 64 MB, honouring backpressure, until the server answers; then stops sending. */
function upload(path: string, headers: Record<string, string>, method = 'POST'): Promise<number> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let status: number | undefined;
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers });
    req.on('response', (res) => {
      status = res.statusCode;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve(status!);
      });
    });
    // The server closes the connection on the unread rest: that ends the upload, not the test.
    req.on('error', (error) => (status === undefined ? reject(error) : resolve(status)));
    const pump = (): void => {
      while (sent < BODY && status === undefined && !req.destroyed) {
        sent += chunk.length;
        if (!req.write(chunk)) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent >= BODY) req.end();
    };
    pump();
  });
}

describe('the demo API under a 64 MB upload it refuses', () => {
  it.each([
    ['a fault switch from another origin', '/api/demo/faults', { Origin: 'https://evil.example' }, 403],
    [
      'a fault switch with a declared 64 MB body',
      '/api/demo/faults',
      { 'Content-Length': String(BODY) },
      413,
    ],
    ['an unknown API route', '/api/nope', {}, 404],
    ['the token route, with a method other than POST', '/api/flinks/authorize-token', {}, 405, 'PUT'],
    ['the page config, which takes no POST', '/api/demo/config', {}, 405],
  ])('%s: answered without reading the upload', async (_, path, headers, status, method?: string) => {
    sockets = [];
    expect(await upload(path, headers, method)).toBe(status);
    // Node drains an unread body by default; the demo's routes must leave it in TCP's buffers.
    expect(sockets).toHaveLength(1);
    expect(Math.max(...sockets.map((socket) => socket.bytesRead))).toBeLessThan(1 * MB);
  });
});
