import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FlinksApiError } from '@flinks-embed/server';
import { SANDBOX_ACCOUNTS } from '@flinks-embed/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountsJob } from '../shared/demo-api';
import { createAccountJobs } from '../server/account-jobs';
import { describeFailure, lastFourOf } from '../server/accounts-view';
import { createApi, type ApiHandler } from '../server/api';
import { startBackend, type Backend } from '../server/backend';

const NO_MFA = { username: 'greatday_nomfa', password: 'Everyday', institution: 'FlinksCapital' } as const;
const eventually = { timeout: 15_000, interval: 50 } as const;

describe('the Review step’s routes on the simulator', () => {
  let backend: Backend;
  let api: ApiHandler;
  let server: Server;
  let url: string;
  beforeAll(async () => {
    backend = await startBackend({});
    api = createApi(backend, () => {});
    server = createServer((req, res) => {
      if (!api(req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
    url = `http://localhost:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    api?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await backend?.simulator?.close();
  });

  /** A login the sandbox bank accepted, as Connect's onRedirect gives it. */
  async function linkedLogin(): Promise<string> {
    const session = await backend.flinks.authorize(NO_MFA);
    if (session.kind !== 'session') throw new Error('expected a session');
    return session.loginId;
  }

  const start = (body: unknown, origin = new URL(url).origin) =>
    fetch(new URL('/api/demo/accounts', url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: origin },
      body: JSON.stringify(body),
    });

  async function jobOf(body: unknown): Promise<string> {
    const response = await start(body);
    expect(response.status).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(response.headers.get('location')).toBe(`/api/demo/accounts/${jobId}`);
    return jobId;
  }

  /** Every state the job goes through, read the way the page reads it, until it ends. */
  async function follow(jobId: string): Promise<AccountsJob[]> {
    const seen: AccountsJob[] = [];
    await expect
      .poll(async () => {
        const response = await fetch(new URL(`/api/demo/accounts/${jobId}`, url));
        expect(response.headers.get('cache-control')).toBe('no-store');
        const job = (await response.json()) as AccountsJob;
        seen.push(job);
        return job.status;
      }, eventually)
      .not.toBe('pending');
    return seen;
  }

  it('starts a job for a loginId, reports each 202 as a pending check, then the accounts with masked numbers', async () => {
    const loginId = await linkedLogin();
    const before = backend.simulator!.dataStats();
    const selected = SANDBOX_ACCOUNTS[1]!;
    const jobId = await jobOf({ loginId, accountId: selected.id });
    const seen = await follow(jobId);

    const checks = seen.flatMap((job) => (job.status === 'pending' ? [job.attempt] : []));
    expect(checks).toContain(2); // the simulator answered 202 twice, and the page could see it
    expect(checks).toEqual([...checks].sort((a, b) => a - b));
    const after = backend.simulator!.dataStats();
    expect(after.pending - before.pending).toBe(2);
    expect(after.ready - before.ready).toBe(1);

    const done = seen.at(-1)!;
    if (done.status !== 'done') throw new Error(`expected done, got ${JSON.stringify(done)}`);
    expect(done.data.institution).toBe('FlinksCapital');
    expect(done.data.accounts.map((account) => account.id)).toEqual(SANDBOX_ACCOUNTS.map((a) => a.id));
    expect(done.data.accounts.map((account) => account.selected)).toEqual(
      SANDBOX_ACCOUNTS.map((account) => account.id === selected.id),
    );
    const [chequing] = done.data.accounts;
    expect(chequing).toMatchObject({ title: 'Chequing', lastFour: '4021', currency: 'CAD' });
    expect(chequing!.balance.current).toBe(SANDBOX_ACCOUNTS[0]!.balance);
    expect(chequing!.recentTransactions.length).toBeGreaterThan(0);
    expect(chequing!.recentTransactions.length).toBeLessThanOrEqual(5);

    // What the browser receives: no full account number, no RequestId, no secret.
    const { accounts } = await backend.flinks.fetchAccounts({ loginId, pollIntervalMs: 10 });
    const text = JSON.stringify(seen);
    for (const account of accounts) expect(text).not.toContain(account.accountNumber!);
    expect(text).not.toMatch(/requestId/i);
    expect(text).not.toContain(backend.simulator!.secretKey);
  });

  it('shows a Flinks error as a code and what to do, and a new job after it succeeds', async () => {
    const loginId = await linkedLogin();
    backend.simulator!.setFaults({ dataFailure: { code: 'RETRY_LATER', count: 1 } });
    const failed = (await follow(await jobOf({ loginId }))).at(-1);
    expect(failed).toEqual({
      status: 'failed',
      error: {
        code: 'RETRY_LATER',
        message: 'Flinks could not get your data just now. Try again in a moment.',
      },
    });
    const retried = (await follow(await jobOf({ loginId }))).at(-1);
    expect(retried?.status).toBe('done');
  });

  it('refuses other origins, bad bodies, unknown jobs and other methods, each with a message naming the fix', async () => {
    const before = backend.simulator!.dataStats().requests;
    expect((await start({ loginId: 'abc' }, 'https://evil.example')).status).toBe(403);
    const bad = await start({ loginId: '../../etc' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(
      /loginId must be the loginId Connect gave onRedirect/,
    );
    expect((await start('nope')).status).toBe(400);
    const unknown = await fetch(new URL('/api/demo/accounts/no-such-job', url));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/Start again/);
    const get = await fetch(new URL('/api/demo/accounts', url));
    expect([get.status, get.headers.get('allow')]).toEqual([405, 'POST']);
    expect((await fetch(new URL('/api/demo/accounts/x', url), { method: 'DELETE' })).status).toBe(405);
    expect(backend.simulator!.dataStats().requests).toBe(before);
  });
});

describe('the job store', () => {
  it('keeps at most maxJobs, forgets finished ones first, and stops running ones on close', async () => {
    const signals: AbortSignal[] = [];
    const jobs = createAccountJobs({
      fetchAccounts: ({ signal }) => {
        signals.push(signal!);
        return new Promise(() => {});
      },
      pagePollMs: 100,
      maxJobs: 2,
    });
    const first = jobs.start({ loginId: 'a' });
    expect(jobs.get(first!)).toEqual({ status: 'pending', attempt: 0, pollAfterMs: 100 });
    expect(jobs.start({ loginId: 'b' })).toBeTypeOf('string');
    expect(jobs.start({ loginId: 'c' })).toBeUndefined();
    jobs.close();
    expect(signals.map((signal) => signal.aborted)).toEqual([true, true]);
    expect(jobs.get(first!)).toBeUndefined();
  });

  it('masks account numbers to their last four digits, and describes errors without their message', () => {
    expect(lastFourOf({ lastFourDigits: null, accountNumber: '1004021' })).toBe('4021');
    expect(lastFourOf({ lastFourDigits: '7795', accountNumber: null })).toBe('7795');
    expect(lastFourOf({ lastFourDigits: null, accountNumber: '12' })).toBeNull();
    const error = new FlinksApiError('http_error', 'GetAccountsDetail', 'secret detail of request 42', {
      status: 400,
      flinksCode: 'SESSION_NONEXISTENT',
      requestId: 'request-42',
    });
    expect(describeFailure(error)).toEqual({
      code: 'SESSION_NONEXISTENT',
      message: 'The session with Flinks expired before the data came. Try again to start a new one.',
    });
    expect(describeFailure(new Error('boom at /internal/path'))).toEqual({
      code: 'server_error',
      message: 'The demo server failed while getting your data. Try again.',
    });
  });
});
