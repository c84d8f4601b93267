import { afterEach, describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator, SimulatorOptions } from '../src/index';
import { loginDirect, poll, postData, read } from './data-support';
import { manualClock } from './support';

let sim: FlinksSimulator | undefined;
afterEach(() => sim?.close());

async function start(options: SimulatorOptions = {}): Promise<FlinksSimulator> {
  sim = await startFlinksSimulator(options);
  return sim;
}

const MINUTE = 60_000;
const NONEXISTENT = (requestId: string) => ({
  status: 400,
  body: {
    HttpStatusCode: 400,
    FlinksCode: 'SESSION_NONEXISTENT',
    Message: 'Inputs session id or card if were not found.',
    RequestId: requestId,
  },
});

describe('RequestId expiry, on the simulator clock', () => {
  it('keeps an authorized RequestId 8 minutes without use, not a moment more', async () => {
    const clock = manualClock();
    const simulator = await start({ now: clock.now });
    const early = await loginDirect(simulator);
    const late = await loginDirect(simulator);

    clock.advance(8 * MINUTE - 1);
    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: early.requestId })).status).toBe(202);
    clock.advance(1);
    expect(await read(await postData(simulator, 'GetAccountsDetail', { RequestId: late.requestId }))).toEqual(
      NONEXISTENT(late.requestId),
    );
  });

  it('gives a processing RequestId 30 minutes from its first data call, however often it is polled', async () => {
    const clock = manualClock();
    const simulator = await start({ now: clock.now });
    simulator.setFaults({ dataNeverReady: true });
    const { requestId } = await loginDirect(simulator);
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });

    for (let minute = 0; minute < 29; minute += 1) {
      clock.advance(MINUTE);
      expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(202);
    }
    clock.advance(MINUTE - 1);
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(202);
    clock.advance(1);
    expect(await read(await poll(simulator, 'GetAccountsDetailAsync', requestId))).toEqual(
      NONEXISTENT(requestId),
    );
  });

  it('keeps the data of a finished job until the 30 minutes are up', async () => {
    const clock = manualClock();
    const simulator = await start({ now: clock.now, data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(simulator);
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });

    clock.advance(29 * MINUTE);
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(200);
    clock.advance(MINUTE);
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(400);
  });

  it('does not know a RequestId under another customerId', async () => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);

    const response = await fetch(
      `${simulator.apiBaseUrl}/v3/00000000-0000-4000-8000-000000000000/BankingServices/GetAccountsDetail`,
      { method: 'POST', body: JSON.stringify({ RequestId: requestId }) },
    );

    expect(await read(response)).toEqual(NONEXISTENT(requestId));
  });
});

describe('Data faults (setFaults)', () => {
  it.each([
    ['SESSION_NONEXISTENT', 400],
    ['RETRY_LATER', 401],
    ['AGGREGATION_ERROR', 500],
  ] as const)('dataFailure %s answers %i once, then the job goes on', async (code, status) => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);
    simulator.setFaults({ dataFailure: { code } });

    const failed = await read(await postData(simulator, 'GetAccountsDetail', { RequestId: requestId }));
    expect(failed).toEqual({
      status,
      body: { HttpStatusCode: status, FlinksCode: code, Message: expect.any(String), RequestId: requestId },
    });
    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status).toBe(202);
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(200);
  });

  it("on: 'poll' fails N polls mid-polling, and the failures do not use up the job's 202s", async () => {
    const simulator = await start({ data: { pendingPolls: 2 } });
    simulator.setFaults({ dataFailure: { code: 'AGGREGATION_ERROR', count: 2, on: 'poll' } });
    const { requestId } = await loginDirect(simulator);

    const statuses = [(await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status);

    expect(statuses).toEqual([202, 500, 500, 202, 200]);
    expect(simulator.dataStats()).toMatchObject({ pending: 2, ready: 1, errors: 2 });
  });

  it('dataNeverReady answers 202 until switched off; count: 0 clears a pending failure', async () => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);
    simulator.setFaults({ dataNeverReady: true, dataFailure: { code: 'RETRY_LATER', count: 5 } });
    simulator.setFaults({ dataFailure: { code: 'RETRY_LATER', count: 0 } });

    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });
    for (let i = 0; i < 5; i += 1) {
      expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(202);
    }
    simulator.setFaults({ dataNeverReady: false });
    // The job's one 202 is still to come: nothing moved while it was held back.
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(202);
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(200);
  });

  it.each([
    [{ dataFailure: { code: 'INVALID_LOGIN' } }, /dataFailure.code must be one of SESSION_NONEXISTENT/],
    [{ dataFailure: { code: 'RETRY_LATER', count: -1 } }, /dataFailure.count must be a whole number/],
    [{ dataFailure: { code: 'RETRY_LATER', on: 'post' } }, /dataFailure.on must be 'any' or 'poll'/],
    [{ dataNeverReady: 'yes' }, /dataNeverReady must be true or false/],
  ])('setFaults(%o) throws, naming the fix', async (faults, message) => {
    const simulator = await start();
    expect(() => simulator.setFaults(faults as never)).toThrow(message);
  });
});

describe('x-api-key and the credentials a client sends', () => {
  it('demands x-api-key on data endpoints with the apiKey option', async () => {
    const simulator = await start({ apiKey: 'instance-api-key', data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(simulator);

    for (const headers of [{}, { 'x-api-key': 'wrong' }]) {
      const refused = await read(
        await postData(simulator, 'GetAccountsDetail', { RequestId: requestId }, headers),
      );
      expect(refused).toEqual({
        status: 401,
        body: {
          HttpStatusCode: 401,
          FlinksCode: 'ACCESS_DENIED',
          Message: expect.stringMatching(/x-api-key/),
        },
      });
    }
    const accepted = await postData(
      simulator,
      'GetAccountsDetail',
      { RequestId: requestId },
      { 'x-api-key': 'instance-api-key' },
    );
    expect(accepted.status).toBe(200);
    expect(simulator.dataStats()).toMatchObject({ refusedApiKey: 2, ready: 1 });
  });

  it('takes data calls without x-api-key by default', async () => {
    const simulator = await start({ data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(simulator);
    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status).toBe(200);
  });

  it('ignores flinks-auth-key on data endpoints but counts it, and counts the secret key in any header', async () => {
    const simulator = await start({ data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(simulator);

    await postData(
      simulator,
      'GetAccountsDetail',
      { RequestId: requestId },
      { 'flinks-auth-key': 'a-token' },
    );
    await postData(
      simulator,
      'GetAccountsDetail',
      { RequestId: requestId },
      { 'flinks-auth-key': simulator.secretKey },
    );
    await postData(
      simulator,
      'GetAccountsDetail',
      { RequestId: requestId },
      { Authorization: `Bearer ${simulator.secretKey}` },
    );

    expect(simulator.dataStats()).toMatchObject({
      requests: 3,
      ready: 3,
      withFlinksAuthKey: 2,
      withSecretKey: 2,
    });
  });

  it('never writes the secret key, the api key or a whole RequestId to its log', async () => {
    const lines: string[] = [];
    const simulator = await start({ apiKey: 'instance-api-key', log: (line) => lines.push(line) });
    const { requestId } = await loginDirect(simulator);
    const headers = { 'x-api-key': 'instance-api-key', 'flinks-auth-key': simulator.secretKey };
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId }, headers);
    await poll(simulator, 'GetAccountsDetailAsync', requestId, { headers });
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });

    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const secret of [simulator.secretKey, 'instance-api-key', requestId])
      expect(log).not.toContain(secret);
  });
});

describe('startFlinksSimulator: data and webhook options', () => {
  it.each([
    [{ data: { pendingPolls: -1 } }, /data.pendingPolls must be a whole number >= 0/],
    [{ data: { pendingPolls: 1.5 } }, /data.pendingPolls must be a whole number >= 0/],
    [
      { data: { pendingCode: 'PENDING' } },
      /data.pendingCode must be 'OPERATION_PENDING' or 'OPERATION_DISPATCHED'/,
    ],
    [{ apiKey: ' ' }, /apiKey must be a non-empty string/],
    [{ webhook: { url: 'ftp://x', secret: 's' } }, /webhook.url must be an http\(s\) URL/],
    [{ webhook: { url: 'http://127.0.0.1:1/hook', secret: '' } }, /webhook.secret must be the HMAC secret/],
    [{ webhook: { url: 'http://127.0.0.1:1/hook', secret: 's', retryDelayMs: -1 } }, /retryDelayMs must be/],
    [{ webhook: { url: 'http://127.0.0.1:1/hook', secret: 's', maxAttempts: 0 } }, /maxAttempts must be/],
  ])('rejects %o with a message naming the option', async (options, message) => {
    await expect(startFlinksSimulator(options as SimulatorOptions)).rejects.toThrow(message);
  });
});
