import { createHmac } from 'node:crypto';
import { createServer, request as httpRequest } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWebhookHandler } from '../src/index';
import type { AccountsDetailWebhook } from '../src/index';
import { toNodeListener } from '../src/node';
import { DETAIL } from './fake-flinks';

const SECRET = 'whsec_node_1';
const sign = (body: string | Buffer): string => createHmac('sha256', SECRET).update(body).digest('base64');

let server: Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => {
    if (server === undefined) return resolve(undefined);
    server.close(resolve);
    server.closeAllConnections();
  });
  server = undefined;
});

async function listen(maxBodyBytes?: number) {
  const onAccountsDetail = vi.fn(async (_payload: AccountsDetailWebhook) => {});
  const onKyc = vi.fn(async () => {});
  const handler = createWebhookHandler({
    secret: SECRET,
    onAccountsDetail,
    onKyc,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
  });
  const listener = toNodeListener(handler);
  server = createServer((req, res) => listener(req, res));
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/flinks/webhook`;
  return { url, onAccountsDetail, onKyc };
}

/** A POST whose body is written in chunks, with no Content-Length (Transfer-Encoding: chunked). */
function streamed(url: string, chunks: readonly Buffer[], headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    let index = 0;
    const next = (): void => {
      if (index === chunks.length) {
        req.end();
        return;
      }
      req.write(chunks[index++], () => setImmediate(next));
    };
    next();
  });
}

const detail = JSON.stringify({ ResponseType: 'GetAccountsDetail', ...DETAIL });

describe('createWebhookHandler through toNodeListener (Express, node:http)', () => {
  it('answers 200 to a signed webhook after the callback, 401/400/405 otherwise', async () => {
    const { url, onAccountsDetail } = await listen();
    const send = (body: string, signature: string | undefined, method = 'POST') =>
      fetch(url, {
        method,
        ...(method === 'POST' ? { body } : {}),
        headers: signature === undefined ? {} : { 'flinks-authenticity-key': signature },
      });

    const ok = await send(detail, sign(detail));
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ received: true });
    expect(onAccountsDetail).toHaveBeenCalledTimes(1);

    expect((await send(detail, undefined)).status).toBe(401);
    expect((await send(detail, sign(`${detail} `))).status).toBe(401);
    expect((await send('not json', sign('not json'))).status).toBe(400);
    const get = await send('', undefined, 'GET');
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect(onAccountsDetail).toHaveBeenCalledTimes(1);
  });

  it('takes the handler’s 1 MiB limit, not the adapter’s 16 KiB default: a 300 KB webhook is accepted', async () => {
    const { url, onAccountsDetail } = await listen();
    const account = DETAIL.Accounts[0];
    const many = JSON.stringify({
      ...JSON.parse(detail),
      Accounts: [{ ...account, Transactions: Array.from({ length: 2_000 }, () => account?.Transactions[0]) }],
    });
    expect(many.length).toBeGreaterThan(300_000);

    const response = await fetch(url, {
      method: 'POST',
      body: many,
      headers: { 'flinks-authenticity-key': sign(many) },
    });

    expect(response.status).toBe(200);
    expect(onAccountsDetail.mock.calls[0]?.[0]).toMatchObject({
      accounts: [{ transactions: { length: 2_000 } }],
    });
  });

  it('413 past maxBodyBytes, with a Content-Length or streamed without one', async () => {
    const { url, onKyc } = await listen(1_000);
    const body = JSON.stringify({ ResponseType: 'KYC', Pad: 'x'.repeat(5_000) });

    const declared = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'flinks-authenticity-key': sign(body) },
    });
    expect(declared.status).toBe(413);

    const chunks = Array.from({ length: 10 }, (_, index) =>
      Buffer.from(body.slice(index * 510, (index + 1) * 510)),
    );
    expect(await streamed(url, chunks, { 'flinks-authenticity-key': sign(body) })).toBe(413);
    expect(onKyc).not.toHaveBeenCalled();

    const small = JSON.stringify({ ResponseType: 'KYC', Holders: [] });
    const smallChunks = [Buffer.from(small.slice(0, 10)), Buffer.from(small.slice(10))];
    expect(await streamed(url, smallChunks, { 'flinks-authenticity-key': sign(small) })).toBe(200);
    expect(onKyc).toHaveBeenCalledTimes(1);
  });
});
