// The data step end to end: @flinks-embed/server's client against the simulator's data endpoints
// and webhook sender, over real HTTP. The hand-made fake (fake-flinks.ts) pins the exact wire
// format; this file proves the two halves agree on it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SANDBOX_ACCOUNTS, startFlinksSimulator } from '@flinks-embed/simulator';
import type { FlinksSimulator, SimulatorOptions } from '@flinks-embed/simulator';
import { afterEach, describe, expect, it } from 'vitest';
import { FlinksApiError, createFlinksClient, createWebhookHandler } from '../src/index';
import type { AccountsDetailWebhook, FlinksClient, KycWebhook, PendingInfo } from '../src/index';
import { toNodeListener } from '../src/node';

const FAST = { pollIntervalMs: 10, maxWaitMs: 10_000 } as const;
const GREATDAY = { username: 'Greatday', password: 'Everyday', institution: 'FlinksCapital' } as const;
const NO_MFA = { ...GREATDAY, username: 'greatday_nomfa' } as const;

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function start(
  options: SimulatorOptions = {},
  apiKey?: string,
): Promise<[FlinksSimulator, FlinksClient]> {
  const sim = await startFlinksSimulator({ port: 0, ...options });
  closers.push(() => sim.close());
  const flinks = createFlinksClient({
    baseUrl: sim.apiBaseUrl,
    customerId: sim.customerId,
    secretKey: sim.secretKey,
    ...(apiKey === undefined ? {} : { apiKey }),
  });
  return [sim, flinks];
}

/** What the Connect page does in a browser: load with a token, then /Authorize with that same token. */
async function loginThroughConnect(sim: FlinksSimulator, flinks: FlinksClient): Promise<string> {
  const { token } = await flinks.generateAuthorizeToken();
  await (await fetch(`${sim.connectUrl}?demo=true&authorizeToken=${token}`)).text();
  const answer = await fetch(`${sim.apiBaseUrl}/v3/${sim.customerId}/BankingServices/Authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'flinks-auth-key': token },
    body: JSON.stringify({
      Username: NO_MFA.username,
      Password: NO_MFA.password,
      Institution: NO_MFA.institution,
    }),
  });
  const body = (await answer.json()) as { Login: { Id: string } };
  return body.Login.Id;
}

async function rejection(promise: Promise<unknown>): Promise<FlinksApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FlinksApiError);
  return error as FlinksApiError;
}

describe('getAccountsDetail against the simulator', () => {
  it('logs in with MFA, polls every 202 with GET and returns the sandbox accounts, sending N + 1 requests', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 3 } });
    const challenge = await flinks.authorize(GREATDAY);
    expect(challenge.kind).toBe('mfa');
    if (challenge.kind !== 'mfa') return;
    const prompt = challenge.securityChallenges[0]?.prompt ?? '';
    const session = await flinks.authorize({
      requestId: challenge.requestId,
      securityResponses: { [prompt]: 'Montreal' },
      authorizeToken: challenge.authorizeToken,
    });
    expect(session.kind).toBe('session');
    if (session.kind !== 'session') return;
    const pending: PendingInfo[] = [];

    const detail = await flinks.getAccountsDetail({
      requestId: session.requestId,
      withTransactions: true,
      ...FAST,
      onPending: (info) => pending.push(info),
    });

    expect(pending.map((info) => info.attempt)).toEqual([1, 2, 3]);
    expect(sim.dataStats()).toMatchObject({ requests: 4, pending: 3, ready: 1, pollsWithPost: 0 });
    expect(detail.requestId).toBe(session.requestId);
    expect(detail.institution).toBe('FlinksCapital');
    expect(detail.accounts.map((account) => account.id)).toEqual(
      SANDBOX_ACCOUNTS.map((account) => account.id),
    );
    expect(detail.accounts[0]?.transactions?.length).toBeGreaterThan(0);
  });

  it('never sends the secret key, an authorize token or flinks-auth-key to a data endpoint', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 2 } });
    const loginId = await loginThroughConnect(sim, flinks);

    await flinks.fetchAccounts({ loginId, ...FAST });
    await flinks.getAccountsSummary({
      requestId: (await flinks.authorize({ loginId, mostRecentCached: true })).requestId,
      ...FAST,
    });

    expect(sim.dataStats()).toMatchObject({ withSecretKey: 0, withFlinksAuthKey: 0 });
    expect(sim.dataStats().ready).toBe(2);
  });

  it('fetchAccounts turns a loginId from Connect into its accounts, with the filters applied', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 2 } });
    const loginId = await loginThroughConnect(sim, flinks);
    const [first] = SANDBOX_ACCOUNTS;

    const detail = await flinks.fetchAccounts({
      loginId,
      accountsFilter: [first!.id],
      withTransactions: false,
      withAccountIdentity: false,
      ...FAST,
    });

    expect(detail.login?.id).toBe(loginId);
    expect(detail.accounts).toHaveLength(1);
    expect(detail.accounts[0]).toMatchObject({ id: first!.id, transactions: [], accountNumber: null });
  });

  it('sends x-api-key when configured, and a simulator that requires one refuses a client without it', async () => {
    const [sim, withKey] = await start({ apiKey: 'instance-api-key' }, 'instance-api-key');
    const without = createFlinksClient({
      baseUrl: sim.apiBaseUrl,
      customerId: sim.customerId,
      secretKey: sim.secretKey,
    });
    const session = await withKey.authorize(NO_MFA);
    if (session.kind !== 'session') throw new Error('expected a session');

    await expect(withKey.getAccountsDetail({ requestId: session.requestId, ...FAST })).resolves.toMatchObject(
      {
        requestId: session.requestId,
      },
    );
    const error = await rejection(without.getAccountsDetail({ requestId: session.requestId, ...FAST }));
    expect(error.flinksCode).toBe('ACCESS_DENIED');
    expect(error.message).not.toContain('instance-api-key');
    expect(sim.dataStats().refusedApiKey).toBe(1);
  });

  it('retries a 500 mid-polling and still gets the data', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 3 } });
    const session = await flinks.authorize(NO_MFA);
    if (session.kind !== 'session') throw new Error('expected a session');
    sim.setFaults({ dataFailure: { code: 'AGGREGATION_ERROR', count: 2, on: 'poll' } });

    const detail = await flinks.getAccountsDetail({ requestId: session.requestId, ...FAST });

    expect(detail.accounts.length).toBeGreaterThan(0);
    expect(sim.dataStats().errors).toBe(2);
  });

  it('rejects at once on SESSION_NONEXISTENT, with its code, action and requestId', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 3 } });
    const session = await flinks.authorize(NO_MFA);
    if (session.kind !== 'session') throw new Error('expected a session');
    sim.setFaults({ dataFailure: { code: 'SESSION_NONEXISTENT', count: 1 } });

    const error = await rejection(flinks.getAccountsDetail({ requestId: session.requestId, ...FAST }));

    expect(error).toMatchObject({
      flinksCode: 'SESSION_NONEXISTENT',
      requestId: session.requestId,
      action: 'reauthorize',
    });
    expect(sim.dataStats().requests).toBe(1);
  });

  it('gives up past maxWaitMs with still_pending and the requestId, so the caller can resume', async () => {
    const [sim, flinks] = await start();
    const session = await flinks.authorize(NO_MFA);
    if (session.kind !== 'session') throw new Error('expected a session');
    sim.setFaults({ dataNeverReady: true });

    const error = await rejection(
      flinks.getAccountsDetail({ requestId: session.requestId, pollIntervalMs: 10, maxWaitMs: 60 }),
    );
    expect(error).toMatchObject({ code: 'still_pending', requestId: session.requestId });

    sim.setFaults({ dataNeverReady: false });
    const resumed = await flinks.getAccountsDetail({ requestId: session.requestId, ...FAST });
    expect(resumed.requestId).toBe(session.requestId);
  });

  it('deleteCard removes the login: a cached /Authorize of it then fails with INVALID_LOGIN', async () => {
    const [sim, flinks] = await start({ data: { pendingPolls: 0 } });
    const loginId = await loginThroughConnect(sim, flinks);
    await flinks.fetchAccounts({ loginId, ...FAST });

    await flinks.deleteCard({ loginId });

    const error = await rejection(flinks.authorize({ loginId, mostRecentCached: true }));
    expect(error.flinksCode).toBe('INVALID_LOGIN');
  });
});

describe('the simulator webhook, received by createWebhookHandler', () => {
  async function receiver(secret: string, failFirst = 0) {
    const received: (AccountsDetailWebhook | KycWebhook)[] = [];
    let calls = 0;
    const handler = createWebhookHandler({
      secret,
      onKyc: (payload) => void received.push(payload),
      onAccountsDetail: (payload) => {
        calls += 1;
        if (calls <= failFirst) throw new Error('the database is down');
        received.push(payload);
      },
      onError: () => {},
    });
    const server = createServer(toNodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, received };
  }

  it('delivers KYC then GetAccountsDetail after a Connect login, signed, answered 200', async () => {
    const hook = await receiver('hmac-secret');
    const [sim, flinks] = await start({ webhook: { url: hook.url, secret: 'hmac-secret', kyc: true } });

    const loginId = await loginThroughConnect(sim, flinks);
    await sim.webhooksSettled();

    expect(hook.received.map((payload) => payload.responseType)).toEqual(['KYC', 'GetAccountsDetail']);
    const detail = hook.received[1] as AccountsDetailWebhook;
    expect(detail.login?.id).toBe(loginId);
    expect(detail.accounts.map((account) => account.id)).toEqual(
      SANDBOX_ACCOUNTS.map((account) => account.id),
    );
    expect(sim.webhookDeliveries().map((delivery) => delivery.state)).toEqual(['delivered', 'delivered']);
  });

  it('refuses a webhook signed with another secret (401), and the simulator retries it like Flinks', async () => {
    const hook = await receiver('the-right-secret');
    const [sim, flinks] = await start({
      webhook: { url: hook.url, secret: 'a-wrong-secret', retryDelayMs: 1, maxAttempts: 3 },
    });

    await loginThroughConnect(sim, flinks);
    await sim.webhooksSettled();

    expect(hook.received).toEqual([]);
    const [delivery] = sim.webhookDeliveries();
    expect(delivery?.state).toBe('failed');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401]);
  });

  it('answers 500 while the app cannot store the data, and 200 to the retry that it stored', async () => {
    const hook = await receiver('hmac-secret', 1);
    const [sim, flinks] = await start({ webhook: { url: hook.url, secret: 'hmac-secret', retryDelayMs: 1 } });

    await loginThroughConnect(sim, flinks);
    await sim.webhooksSettled();

    expect(sim.webhookDeliveries()[0]?.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    expect(hook.received).toHaveLength(1);
  });
});
