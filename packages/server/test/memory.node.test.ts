import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// What ships: the built adapter, in a process of its own so the client's memory does not count.
const fixture = fileURLToPath(new URL('./fixtures/memory-server.mjs', import.meta.url));
const dist = fileURLToPath(new URL('../dist/node.js', import.meta.url));
const MB = 1024 * 1024;
const BODY = 64 * MB;

let child: ChildProcess;
let port: number;

function next<T>(): Promise<T> {
  return new Promise((resolve) => child.once('message', (message) => resolve(message as T)));
}

beforeAll(async () => {
  if (!existsSync(dist)) {
    throw new Error('dist/ is missing: run `pnpm --filter @flinks-embed/server build` before these tests.');
  }
  child = fork(fixture, [], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  ({ port } = await next<{ port: number }>());
  // Warm up every path once (a small body, and one just over the limit): the first Request,
  // Response and refusal load and compile code once, which is not growth per request.
  for (const path of ['/api/flinks/authorize-token', '/reader']) {
    for (const body of ['warm-up', 'x'.repeat(20_000)]) {
      const response = await fetch(`http://127.0.0.1:${port}${path}`, {
        method: 'POST',
        headers: { Origin: `http://127.0.0.1:${port}` },
        body,
      });
      await response.arrayBuffer();
    }
  }
});
afterAll(async () => {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send('exit');
  await exited;
});

/**
 * Sends up to 64 MB, honouring backpressure, until the server answers and closes. `chunked`
 * streams it without a Content-Length.
 */
function post(path: string, chunked: boolean): Promise<{ status: number; body: string; sent: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answer: { status: number; body: string } | undefined;
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path,
      headers: { Origin: `http://127.0.0.1:${port}`, ...(chunked ? {} : { 'Content-Length': String(BODY) }) },
    });
    const finish = () =>
      answer === undefined ? reject(new Error('no answer')) : resolve({ ...answer, sent });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (text: string) => (body += text));
      res.on('end', () => {
        answer = { status: res.statusCode ?? 0, body };
        req.destroy();
        finish();
      });
    });
    // The server closes the connection on the unread rest: that ends the upload, not the test.
    req.on('error', () => {
      if (answer !== undefined) finish();
    });
    const pump = (): void => {
      while (sent < BODY && answer === undefined && !req.destroyed) {
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

async function measured(path: string, chunked: boolean) {
  child.send('start');
  await next();
  const answer = await post(path, chunked);
  child.send('stop');
  const growth = await next<{ jsGrowth: number; rssGrowth: number; bytesRead: number }>();
  console.log(
    `64 MB ${chunked ? 'chunked' : 'declared'} POST ${path}: HTTP ${answer.status}, client wrote ${(answer.sent / MB).toFixed(1)} MB; ` +
      `server read ${(growth.bytesRead / 1024).toFixed(0)} KB; heap+external +${(growth.jsGrowth / MB).toFixed(2)} MB, rss +${(growth.rssGrowth / MB).toFixed(2)} MB`,
  );
  return { ...answer, ...growth };
}

describe('toNodeListener memory under a 64 MB body', () => {
  it.each([
    ['declared with Content-Length, to the token endpoint', '/api/flinks/authorize-token', false, 413],
    ['streamed without a length, to the token endpoint', '/api/flinks/authorize-token', true, 200],
    ['streamed without a length, to a handler that reads bodies', '/reader', true, 413],
  ])('%s: answered, and the server grows by about 1 MB at most', async (_, path, chunked, status) => {
    const result = await measured(path, chunked);

    expect(result.status).toBe(status);
    // The rest of the upload waits in TCP buffers until the connection closes; none of it is read.
    expect(result.bytesRead).toBeLessThan(1 * MB);
    expect(result.jsGrowth).toBeLessThan(1.5 * MB);
    expect(result.rssGrowth).toBeLessThan(8 * MB);
  });
});
