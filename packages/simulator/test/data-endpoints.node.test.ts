import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../src/index';
import {
  simulatorPerTest,
  authorizeCached,
  bankingUrl,
  loginDirect,
  poll,
  postData,
  read,
  PENDING,
  type Account,
} from './data-support';
import { GUID, NO_MFA, manualClock } from './support';

// GetAccountsDetail: its 202s, then the data, and the filters of the first POST.
const start = simulatorPerTest();

describe('GetAccountsDetail: 202, then the data', () => {
  it('answers the first POST 202 by default, then the Async GET 200 with the same RequestId', async () => {
    const simulator = await start();
    const { requestId, loginId } = await loginDirect(simulator);

    const first = await read(await postData(simulator, 'GetAccountsDetail', { RequestId: requestId }));
    expect(first).toEqual({ status: 202, body: PENDING(requestId) });

    const ready = await read(await poll(simulator, 'GetAccountsDetailAsync', requestId));
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({
      HttpStatusCode: 200,
      InstitutionName: 'FlinksCapital',
      Institution: 'FlinksCapital',
      InstitutionId: 14,
      RequestId: requestId,
      Login: { Id: loginId, Username: 'greatday_nomfa', Type: 'Personal', IsScheduledRefresh: false },
    });
    expect(simulator.dataStats()).toMatchObject({ requests: 2, pending: 1, ready: 1, errors: 0 });
  });

  it('gives as many 202s as data.pendingPolls asks, polls included', async () => {
    const simulator = await start({ data: { pendingPolls: 3 } });
    const { requestId } = await loginDirect(simulator);

    const statuses = [(await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status);

    expect(statuses).toEqual([202, 202, 202, 200]);
  });

  it('answers at once with pendingPolls: 0, and OPERATION_DISPATCHED on the first POST when asked', async () => {
    const immediate = await start({ data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(immediate);
    expect((await postData(immediate, 'GetAccountsDetail', { RequestId: requestId })).status).toBe(200);
    await immediate.close();

    const dispatched = await start({ data: { pendingPolls: 2, pendingCode: 'OPERATION_DISPATCHED' } });
    const second = await loginDirect(dispatched);
    const post = await read(await postData(dispatched, 'GetAccountsDetail', { RequestId: second.requestId }));
    expect(post.body).toEqual(PENDING(second.requestId, 'OPERATION_DISPATCHED'));
    const polled = await read(await poll(dispatched, 'GetAccountsDetailAsync', second.requestId));
    expect(polled.body).toEqual(PENDING(second.requestId));
  });

  it('lists the Connect page accounts with their ids, balances and deterministic transactions', async () => {
    const clock = manualClock(Date.parse('2026-03-15T15:00:00Z'));
    const simulator = await start({ now: clock.now, data: { pendingPolls: 0 } });
    const { requestId, loginId } = await loginDirect(simulator);

    const { body } = await read(await postData(simulator, 'GetAccountsDetail', { RequestId: requestId }));
    const accounts = body.Accounts as Account[];

    expect(accounts.map((account) => account.Id)).toEqual(SANDBOX_ACCOUNTS.map((account) => account.id));
    expect(accounts.map((account) => account.Balance.Current)).toEqual(
      SANDBOX_ACCOUNTS.map((a) => a.balance),
    );
    expect(accounts[0]).toMatchObject({
      Title: 'Chequing',
      Category: 'Operations',
      Type: 'Chequing',
      Currency: 'CAD',
      InstitutionNumber: '777',
      AccountNumber: '1004021',
      TransitNumber: expect.stringMatching(/^\d{5}$/),
      Holder: { Name: expect.any(String), Email: 'greatday_nomfa@example.com' },
    });
    for (const account of accounts) {
      const transactions = account.Transactions ?? [];
      expect(transactions.length).toBeGreaterThan(5);
      // Newest first, ending at today's balance, each balance the one before plus credit minus debit.
      expect(transactions[0]?.Balance).toBe(account.Balance.Current);
      for (const [index, tx] of transactions.entries()) {
        expect(tx.Id).toMatch(GUID);
        expect(tx.Date >= '2025-12-15' && tx.Date <= '2026-03-15').toBe(true);
        expect((tx.Debit === null) !== (tx.Credit === null)).toBe(true);
        const older = transactions[index + 1];
        if (older !== undefined) {
          expect(older.Date <= tx.Date).toBe(true);
          expect(older.Balance + (tx.Credit ?? 0) - (tx.Debit ?? 0)).toBeCloseTo(tx.Balance, 2);
        }
      }
    }

    // The same login on the same day gives the same data; another login other transactions.
    const again = await authorizeCached(simulator, loginId);
    const same = await read(await postData(simulator, 'GetAccountsDetail', { RequestId: again.requestId }));
    expect((same.body.Accounts as Account[])[0]?.Transactions).toEqual(accounts[0]?.Transactions);
    const other = await loginDirect(simulator, { ...NO_MFA, Institution: 'RBC' });
    expect(other.loginId).not.toBe(loginId);
    const theirs = await read(await postData(simulator, 'GetAccountsDetail', { RequestId: other.requestId }));
    expect((theirs.body.Accounts as Account[])[0]?.Transactions).not.toEqual(accounts[0]?.Transactions);
  });
});

describe('GetAccountsDetail: the filters of the first POST', () => {
  it('drops transactions, holder and identity numbers when asked, and keeps only the filtered accounts', async () => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);
    const picked = SANDBOX_ACCOUNTS[1]?.id ?? '';

    await postData(simulator, 'GetAccountsDetail', {
      RequestId: requestId,
      WithTransactions: false,
      WithKYC: false,
      WithAccountIdentity: false,
      AccountsFilter: [picked],
    });
    const { body } = await read(await poll(simulator, 'GetAccountsDetailAsync', requestId));
    const accounts = body.Accounts as Account[];

    expect(accounts).toHaveLength(1);
    expect(accounts[0]).toMatchObject({
      Id: picked,
      Holder: null,
      TransitNumber: null,
      InstitutionNumber: null,
      AccountNumber: null,
    });
    expect(accounts[0]).not.toHaveProperty('Transactions');
  });

  it('gives a year of transactions with Days365, the last 90 days of it with Days90', async () => {
    const clock = manualClock(Date.parse('2026-03-15T15:00:00Z'));
    const simulator = await start({ now: clock.now, data: { pendingPolls: 0 } });
    const { requestId } = await loginDirect(simulator);

    const year = await read(
      await postData(simulator, 'GetAccountsDetail', { RequestId: requestId, DaysOfTransactions: 'Days365' }),
    );
    const quarter = await read(
      await postData(simulator, 'GetAccountsDetail', { RequestId: requestId, DaysOfTransactions: 'Days90' }),
    );
    const long = (year.body.Accounts as Account[])[0]?.Transactions ?? [];
    const short = (quarter.body.Accounts as Account[])[0]?.Transactions ?? [];

    const oldest = long.at(-1)?.Date ?? '';
    expect(oldest >= '2025-03-16' && oldest < '2025-04-15').toBe(true);
    expect(short.length).toBeLessThan(long.length);
    expect(long.slice(0, short.length)).toEqual(short);
  });

  it.each([
    [{ DaysOfTransactions: 'Days30' }, /DaysOfTransactions must be Days90 or Days365/],
    [{ WithKYC: 'yes' }, /WithKYC must be true or false/],
    [{ AccountsFilter: 'abc' }, /AccountsFilter must be a list of account Ids/],
  ])('refuses %o with 400 INVALID_REQUEST', async (options, message) => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);

    const { status, body } = await read(
      await postData(simulator, 'GetAccountsDetail', { RequestId: requestId, ...options }),
    );

    expect(status).toBe(400);
    expect(body).toEqual({
      HttpStatusCode: 400,
      FlinksCode: 'INVALID_REQUEST',
      Message: expect.stringMatching(message),
    });
  });

  it('refuses a body without a RequestId, and a poll before any POST', async () => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);

    const missing = await read(await postData(simulator, 'GetAccountsDetail', {}));
    expect(missing.status).toBe(400);
    expect(missing.body.Message).toMatch(/RequestId is required/);

    const early = await read(await poll(simulator, 'GetAccountsDetailAsync', requestId));
    expect(early.status).toBe(400);
    expect(early.body.Message).toMatch(/POST \/GetAccountsDetail first/);
  });

  it('answers a poll sent with POST (as node-flinks sends it), logs a warning and counts it', async () => {
    const lines: string[] = [];
    const simulator = await start({ log: (line) => lines.push(line) });
    const { requestId } = await loginDirect(simulator);
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });

    const response = await poll(simulator, 'GetAccountsDetailAsync', requestId, { method: 'POST' });

    expect(response.status).toBe(200);
    expect(lines).toContainEqual(
      expect.stringMatching(/^warning: GetAccountsDetailAsync was called with POST/),
    );
    expect(simulator.dataStats().pollsWithPost).toBe(1);
  });

  it('answers 405 to a GET on GetAccountsDetail', async () => {
    const simulator = await start();
    const response = await fetch(bankingUrl(simulator, 'GetAccountsDetail'));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
