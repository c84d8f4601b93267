import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toNodeListener } from '../src/node';
import { CANARY, SEED, UPSTREAMS, captureConsole, fuzzer, printed, type Upstream } from './fuzz-support';

const { rand, pick, chance, tokenHandler } = fuzzer(1);
const logged = captureConsole();

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
