import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS, startFlinksSimulator } from '../src/index';
import type { FlinksSimulator, WebhookOptions } from '../src/index';
import { loginDirect, loginThroughConnect, poll, postData } from './data-support';

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly raw: Buffer;
  readonly json: Record<string, unknown>;
}

/** A webhook route on node:http that answers each request with the next status of `statuses`. */
async function startReceiver(statuses: (attempt: number) => number = () => 200) {
  const received: Received[] = [];
  let waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      received.push({
        headers: req.headers,
        raw,
        json: JSON.parse(raw.toString('utf8')) as Record<string, unknown>,
      });
      res.writeHead(statuses(received.length)).end();
      waiting = waiting.filter((wait) => (received.length >= wait.count ? (wait.resolve(), false) : true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/flinks/webhook`,
    received,
    /** Resolves once `count` requests have arrived. */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (received.length >= count) resolve();
        else waiting.push({ count, resolve });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The sender's keep-alive sockets would hold close() for seconds.
        server.closeAllConnections();
      }),
  };
}
type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const SECRET = 'webhook-hmac-secret';

function verify(received: Received, secret = SECRET, headerName = 'flinks-authenticity-key'): boolean {
  const signature = Buffer.from(String(received.headers[headerName]), 'base64');
  const expected = createHmac('sha256', secret).update(received.raw).digest();
  return signature.length === expected.length && timingSafeEqual(signature, expected);
}

let sim: FlinksSimulator | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await sim?.close();
  await receiver?.close();
  sim = undefined;
  receiver = undefined;
});

async function start(statuses?: (attempt: number) => number, webhook: Partial<WebhookOptions> = {}) {
  receiver = await startReceiver(statuses);
  sim = await startFlinksSimulator({ webhook: { url: receiver.url, secret: SECRET, ...webhook } });
  return { simulator: sim, hook: receiver };
}

describe('Webhooks: GetAccountsDetail, signed', () => {
  it('posts the signed detail once a data job is done: after its last 202', async () => {
    const { simulator, hook } = await start();
    const { requestId, loginId } = await loginDirect(simulator);

    expect(hook.received).toHaveLength(0);
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId, WithTransactions: false });
    await simulator.webhooksSettled();

    expect(hook.received).toHaveLength(1);
    const [delivery] = hook.received;
    if (delivery === undefined) throw new Error('no webhook');
    expect(verify(delivery)).toBe(true);
    expect(delivery.headers['content-type']).toBe('application/json');
    expect(
      delivery.raw.toString('utf8').startsWith('{"ResponseType":"GetAccountsDetail","HttpStatusCode":200,'),
    ).toBe(true);
    // The same data as the 200 of the poll, with the first POST's filters.
    const polled = (await (await poll(simulator, 'GetAccountsDetailAsync', requestId)).json()) as object;
    expect(delivery.json).toEqual({ ResponseType: 'GetAccountsDetail', ...polled });
    expect(delivery.json).toMatchObject({ RequestId: requestId, Login: { Id: loginId } });
    expect(simulator.webhookDeliveries()).toEqual([
      {
        responseType: 'GetAccountsDetail',
        loginId,
        requestId,
        state: 'delivered',
        attempts: [{ status: 200 }],
      },
    ]);
  });

  it('posts it after a Connect login with no data call at all, as Flinks starts the job itself', async () => {
    const { simulator, hook } = await start();

    const { loginId, requestId } = await loginThroughConnect(simulator);
    await simulator.webhooksSettled();

    expect(hook.received.map((request) => request.json.ResponseType)).toEqual(['GetAccountsDetail']);
    expect(hook.received[0]?.json).toMatchObject({ RequestId: requestId, Login: { Id: loginId } });
    const ids = (hook.received[0]?.json.Accounts as { Id: string }[]).map((account) => account.Id);
    expect(ids).toEqual(SANDBOX_ACCOUNTS.map((account) => account.id));
  });

  it('sends nothing for a direct login before a data call, nor for a summary', async () => {
    const { simulator, hook } = await start();
    const { requestId } = await loginDirect(simulator);
    await postData(simulator, 'GetAccountsSummary', { RequestId: requestId });
    await poll(simulator, 'GetAccountsSummaryAsync', requestId);
    await simulator.webhooksSettled();

    expect(hook.received).toHaveLength(0);
  });

  it('sends KYC first when asked, and the detail only after it', async () => {
    const { simulator, hook } = await start(undefined, { kyc: true });
    await loginThroughConnect(simulator);
    await simulator.webhooksSettled();

    expect(hook.received.map((request) => request.json.ResponseType)).toEqual(['KYC', 'GetAccountsDetail']);
    const [kyc] = hook.received;
    expect(kyc && verify(kyc)).toBe(true);
    expect(kyc?.json).toMatchObject({
      ResponseType: 'KYC',
      HttpStatusCode: 200,
      Holders: [{ Name: expect.any(String), Address: { Country: 'CA' } }],
      Login: { Username: 'greatday_nomfa' },
    });
  });

  it('signs with the configured header name and a secret only the right key verifies', async () => {
    const { simulator, hook } = await start(undefined, { headerName: 'X-Flinks-Signature' });
    await loginThroughConnect(simulator);
    await simulator.webhooksSettled();

    const [delivery] = hook.received;
    if (delivery === undefined) throw new Error('no webhook');
    expect(delivery.headers['flinks-authenticity-key']).toBeUndefined();
    expect(verify(delivery, SECRET, 'x-flinks-signature')).toBe(true);
    expect(verify(delivery, 'another-secret', 'x-flinks-signature')).toBe(false);
  });
});

describe('Webhooks: retries', () => {
  it('retries any answer but 200 (201 included), retryDelayMs apart, until a 200', async () => {
    const { simulator, hook } = await start((attempt) => [500, 201, 404][attempt - 1] ?? 200, {
      retryDelayMs: 5,
    });

    await loginThroughConnect(simulator);
    await hook.until(4);
    await simulator.webhooksSettled();

    expect(hook.received).toHaveLength(4);
    expect(hook.received.every((request) => verify(request))).toBe(true);
    expect(new Set(hook.received.map((request) => request.raw.toString('utf8'))).size).toBe(1);
    expect(simulator.webhookDeliveries()[0]).toMatchObject({
      state: 'delivered',
      attempts: [{ status: 500 }, { status: 201 }, { status: 404 }, { status: 200 }],
    });
  });

  it('gives up after 10 attempts', async () => {
    const { simulator, hook } = await start(() => 503, { retryDelayMs: 1 });

    await loginThroughConnect(simulator);
    await simulator.webhooksSettled();

    expect(hook.received).toHaveLength(10);
    const [delivery] = simulator.webhookDeliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts).toHaveLength(10);
  });

  it('counts a refused connection as a failed attempt', async () => {
    const closed = await startReceiver();
    await closed.close();
    sim = await startFlinksSimulator({
      webhook: { url: closed.url, secret: SECRET, retryDelayMs: 1, maxAttempts: 2 },
    });

    await loginThroughConnect(sim);
    await sim.webhooksSettled();

    const [delivery] = sim.webhookDeliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts).toEqual([
      { error: expect.stringMatching(/ECONNREFUSED/) },
      { error: expect.stringMatching(/ECONNREFUSED/) },
    ]);
  });

  it('waits 30 minutes between attempts by default, and close() cancels the retry', async () => {
    const { simulator, hook } = await start(() => 500);

    await loginThroughConnect(simulator);
    await hook.until(1);
    // Let the simulator record the first answer; the retry is then 30 minutes away.
    await expect.poll(() => simulator.webhookDeliveries()[0]?.attempts.length, { timeout: 5000 }).toBe(1);
    const settled = simulator.webhooksSettled();
    await simulator.close();
    await settled;

    expect(simulator.webhookDeliveries()[0]?.state).toBe('cancelled');
    expect(hook.received).toHaveLength(1);
  });

  it('sends no retry after close(), even with a short retryDelayMs', async () => {
    const { simulator, hook } = await start(() => 500, { retryDelayMs: 20 });

    await loginThroughConnect(simulator);
    await hook.until(1);
    await simulator.close();
    const after = hook.received.length;
    // Several retry delays: a timer close() missed would fire in this window.
    await new Promise((resolve) => setTimeout(resolve, 100));

    expect(hook.received.length).toBe(after);
    expect(simulator.webhookDeliveries()[0]?.state).toBe('cancelled');
  });

  it('logs each attempt without the secret or the signature', async () => {
    const lines: string[] = [];
    receiver = await startReceiver((attempt) => (attempt === 1 ? 500 : 200));
    sim = await startFlinksSimulator({
      webhook: { url: receiver.url, secret: SECRET, retryDelayMs: 1 },
      log: (line) => lines.push(line),
    });

    await loginThroughConnect(sim);
    await sim.webhooksSettled();

    const attempts = lines.filter((line) => line.startsWith('webhook'));
    expect(attempts).toEqual([
      expect.stringMatching(
        /^webhook GetAccountsDetail \(request \w{8}\): attempt 1 failed \(500\); next in 1 ms$/,
      ),
      expect.stringMatching(/^webhook GetAccountsDetail \(request \w{8}\): attempt 2 delivered$/),
    ]);
    const signature = String(receiver.received[0]?.headers['flinks-authenticity-key']);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(signature);
  });
});

describe('Without a webhook option', () => {
  it('sends nothing and settles at once', async () => {
    sim = await startFlinksSimulator();
    await loginThroughConnect(sim);
    await sim.webhooksSettled();
    expect(sim.webhookDeliveries()).toEqual([]);
  });
});
