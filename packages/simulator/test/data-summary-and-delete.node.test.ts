import { describe, expect, it } from 'vitest';
import { SANDBOX_ACCOUNTS } from '../src/index';
import {
  simulatorPerTest,
  authorizeCached,
  bankingUrl,
  loginDirect,
  loginThroughConnect,
  poll,
  postData,
  read,
  PENDING,
  type Account,
} from './data-support';
import { GREATDAY, callAuthorize, mintToken } from './support';

// GetAccountsSummary, both ways to a loginId (Connect and /Authorize) leading to data, DeleteCard.
const start = simulatorPerTest();

describe('GetAccountsSummary', () => {
  it('answers 202 then the summary on its own Async endpoint, leaving the detail job to start', async () => {
    const simulator = await start();
    const { requestId } = await loginDirect(simulator);

    const first = await read(await postData(simulator, 'GetAccountsSummary', { RequestId: requestId }));
    expect(first).toEqual({
      status: 202,
      body: PENDING(requestId, 'OPERATION_PENDING', 'GetAccountsSummaryAsync'),
    });
    const summary = await read(await poll(simulator, 'GetAccountsSummaryAsync', requestId));

    expect(summary.status).toBe(200);
    const accounts = summary.body.Accounts as Record<string, unknown>[];
    expect(accounts.map((account) => account.Id)).toEqual(SANDBOX_ACCOUNTS.map((account) => account.id));
    expect(accounts[0]).toMatchObject({
      EftEligibleRatio: 1,
      AccountType: 'Personal',
      LastFourDigits: '4021',
    });
    expect(accounts[0]).not.toHaveProperty('Transactions');
    // "After receiving a response from GetAccountsSummary, the RequestId will still be valid."
    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status).toBe(202);
  });
});

describe('Both ways to a loginId lead to data', () => {
  it('a Connect login: its loginId authorizes cached, and the account picked in Connect is in the data', async () => {
    const simulator = await start();
    const connect = await loginThroughConnect(simulator);
    const cached = await authorizeCached(simulator, connect.loginId);
    expect(cached.loginId).toBe(connect.loginId);
    expect(cached.requestId).not.toBe(connect.requestId);

    const accountId = SANDBOX_ACCOUNTS[2]?.id ?? ''; // what ACCOUNT_SELECTED carries
    await postData(simulator, 'GetAccountsDetail', {
      RequestId: cached.requestId,
      AccountsFilter: [accountId],
    });
    const { body } = await read(await poll(simulator, 'GetAccountsDetailAsync', cached.requestId));

    expect((body.Accounts as Account[]).map((account) => account.Id)).toEqual([accountId]);
    expect(body.Login).toMatchObject({ Id: connect.loginId });
  });

  it('the Connect RequestId itself has data at once: Flinks started the job when Connect logged in', async () => {
    const simulator = await start({ data: { pendingPolls: 3 } });
    const { requestId } = await loginThroughConnect(simulator);

    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: requestId })).status).toBe(200);
  });

  it('a direct login with credentials and the security question', async () => {
    const simulator = await start();
    const token = await mintToken(simulator);
    const challenge = (await (await callAuthorize(simulator, token, GREATDAY)).json()) as {
      RequestId: string;
    };
    const answered = await callAuthorize(simulator, token, {
      RequestId: challenge.RequestId,
      SecurityResponses: { 'What city were you born in?': ['Montreal'] },
    });
    expect(answered.status).toBe(200);

    expect((await postData(simulator, 'GetAccountsDetail', { RequestId: challenge.RequestId })).status).toBe(
      202,
    );
    const { status, body } = await read(await poll(simulator, 'GetAccountsDetailAsync', challenge.RequestId));
    expect(status).toBe(200);
    expect(body.Login).toMatchObject({ Username: 'Greatday' });
  });

  it('a RequestId that never logged in (203, no answer yet) has no data', async () => {
    const simulator = await start();
    const challenge = (await (
      await callAuthorize(simulator, await mintToken(simulator), GREATDAY)
    ).json()) as {
      RequestId: string;
    };

    const { status, body } = await read(
      await postData(simulator, 'GetAccountsDetail', { RequestId: challenge.RequestId }),
    );
    expect(status).toBe(400);
    expect(body).toMatchObject({ FlinksCode: 'SESSION_NONEXISTENT', RequestId: challenge.RequestId });
  });
});

describe('DeleteCard', () => {
  it('answers CARD_IN_USE while a job of the login is processing, then deletes the card', async () => {
    const simulator = await start({ data: { pendingPolls: 2 } });
    const { requestId, loginId } = await loginDirect(simulator);
    await postData(simulator, 'GetAccountsDetail', { RequestId: requestId });
    const remove = () => fetch(bankingUrl(simulator, `DeleteCard/${loginId}`), { method: 'DELETE' });

    const busy = await read(await remove());
    expect(busy).toEqual({
      status: 400,
      body: { HttpStatusCode: 400, FlinksCode: 'CARD_IN_USE', Message: expect.any(String) },
    });

    await poll(simulator, 'GetAccountsDetailAsync', requestId);
    await poll(simulator, 'GetAccountsDetailAsync', requestId);
    expect((await remove()).status).toBe(200);

    // Gone: its RequestIds, its LoginId at /Authorize, and a second delete.
    expect((await poll(simulator, 'GetAccountsDetailAsync', requestId)).status).toBe(400);
    expect((await callAuthorize(simulator, await mintToken(simulator), { LoginId: loginId })).status).toBe(
      401,
    );
    expect((await read(await remove())).body).toMatchObject({ FlinksCode: 'INVALID_LOGIN' });
  });

  it('answers 405 to a GET (older clients used one)', async () => {
    const simulator = await start();
    const { loginId } = await loginDirect(simulator);
    const response = await fetch(bankingUrl(simulator, `DeleteCard/${loginId}`));
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('DELETE');
  });
});
