import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlinksApiError } from '../src/index';
import {
  API_KEY,
  DETAIL,
  LOGIN_ID,
  REQUEST_ID,
  SECRET,
  TOKEN,
  fakeFlinks,
  pending,
  ready,
  settle,
} from './fake-flinks';
import type { Answer } from './fake-flinks';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const token = (value = TOKEN): Answer => ({ status: 200, body: { HttpStatusCode: 200, Token: value } });
const session = (requestId = REQUEST_ID): Answer => ({
  status: 200,
  body: { HttpStatusCode: 200, RequestId: requestId, Institution: 'FlinksCapital', Login: DETAIL.Login },
});

describe('getAccountsSummary', () => {
  it('POSTs GetAccountsSummary with the RequestId, polls GetAccountsSummaryAsync, reads the EFT ratios', async () => {
    const summary = {
      HttpStatusCode: 200,
      Accounts: [
        { Id: 'a-1', Title: 'Chequing', EftEligibleRatio: 0.9, ETransferEligibleRatio: 1, Holder: null },
      ],
      Login: DETAIL.Login,
      Institution: 'FlinksCapital',
      RequestId: REQUEST_ID,
    };
    const { client, seen } = fakeFlinks([pending(), ready(summary)]);

    const result = settle(client.getAccountsSummary({ requestId: REQUEST_ID, pollIntervalMs: 15 }));
    await vi.advanceTimersByTimeAsync(15);

    expect(seen.map(({ method, path, at, body }) => [method, path, at, body])).toEqual([
      ['POST', '/GetAccountsSummary', 0, { RequestId: REQUEST_ID }],
      ['GET', `/GetAccountsSummaryAsync/${REQUEST_ID}`, 15, undefined],
    ]);
    expect(result().value?.accounts[0]).toMatchObject({
      id: 'a-1',
      eftEligibleRatio: 0.9,
      eTransferEligibleRatio: 1,
      holder: null,
      transactions: [],
      balance: { available: null, current: null, limit: null },
    });
  });
});

describe('deleteCard', () => {
  it('DELETEs DeleteCard/{loginId} with x-api-key when configured, and no key otherwise', async () => {
    const withKey = fakeFlinks([{ status: 200, body: { HttpStatusCode: 200 } }], { apiKey: API_KEY });
    await withKey.client.deleteCard({ loginId: LOGIN_ID });
    const without = fakeFlinks([{ status: 200, body: { HttpStatusCode: 200 } }]);
    await without.client.deleteCard({ loginId: LOGIN_ID });

    expect(withKey.seen).toEqual([
      expect.objectContaining({
        method: 'DELETE',
        path: `/DeleteCard/${LOGIN_ID}`,
        headers: { accept: 'application/json', 'x-api-key': API_KEY },
        body: undefined,
      }),
    ]);
    expect(without.seen[0]?.headers).toEqual({ accept: 'application/json' });
  });

  it('CARD_IN_USE rejects with action retry_later; the login id is path-encoded', async () => {
    const { client, seen } = fakeFlinks([
      { status: 400, body: { HttpStatusCode: 400, FlinksCode: 'CARD_IN_USE', Message: 'busy' } },
    ]);

    const error = await client.deleteCard({ loginId: 'a/b?c' }).catch((reason: unknown) => reason);

    expect(seen[0]?.path).toBe('/DeleteCard/a%2Fb%3Fc');
    expect(error).toBeInstanceOf(FlinksApiError);
    expect(error).toMatchObject({ endpoint: 'DeleteCard', flinksCode: 'CARD_IN_USE', action: 'retry_later' });
    expect((error as Error).message).toContain('retry later');
  });
});

describe('credentials stay where they belong', () => {
  it('an error echoing the secret key and the API key is redacted in message and body', async () => {
    const { client } = fakeFlinks(
      [
        {
          status: 401,
          body: {
            FlinksCode: 'UNAUTHORIZED',
            Message: `bad key ${API_KEY}`,
            RequestId: REQUEST_ID,
            Echo: { [API_KEY]: [SECRET, `${SECRET}!`] },
          },
        },
      ],
      { apiKey: API_KEY },
    );

    const error = (await client
      .getAccountsDetail({ requestId: REQUEST_ID })
      .catch((e: unknown) => e)) as FlinksApiError;

    expect(error.message).toBe(
      'Flinks GetAccountsDetail answered HTTP 401 UNAUTHORIZED: "bad key [redacted]".',
    );
    expect(error.body).toEqual({
      FlinksCode: 'UNAUTHORIZED',
      Message: 'bad key [redacted]',
      RequestId: REQUEST_ID,
      Echo: { '[redacted]': ['[redacted]', '[redacted]!'] },
    });
    expect(JSON.stringify(error.body)).not.toContain(API_KEY);
  });

  it('an /Authorize error keeps its body, minus the password and the token Flinks echoed', async () => {
    const { client } = fakeFlinks([
      token(),
      {
        status: 401,
        body: { FlinksCode: 'INVALID_PASSWORD', RequestId: REQUEST_ID, Echo: `Hunter2-pw ${TOKEN}` },
      },
    ]);

    const error = (await client
      .authorize({ username: 'u', password: 'Hunter2-pw', institution: 'FlinksCapital' })
      .catch((e: unknown) => e)) as FlinksApiError;

    expect(error).toMatchObject({
      flinksCode: 'INVALID_PASSWORD',
      action: 'reconnect',
      requestId: REQUEST_ID,
    });
    expect(error.body).toEqual({
      FlinksCode: 'INVALID_PASSWORD',
      RequestId: REQUEST_ID,
      Echo: '[redacted] [redacted]',
    });
  });

  it('a 401 without a FlinksCode on a data endpoint names apiKey as the fix', async () => {
    const { client } = fakeFlinks([{ status: 401, body: { Message: 'Unauthorized' } }]);

    await expect(client.getAccountsDetail({ requestId: REQUEST_ID })).rejects.toMatchObject({
      action: 'fix_setup',
      message: expect.stringContaining('Check apiKey'),
    });
  });

  it('the MFA answer goes with the token that opened the flow; SecurityResponses keys go as the bank wrote them', async () => {
    const challenge: Answer = {
      status: 203,
      body: {
        HttpStatusCode: 203,
        RequestId: REQUEST_ID,
        SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'requestId? What city?' }],
      },
    };
    const { client, seen } = fakeFlinks([token(), challenge, session()], { apiKey: API_KEY });

    const first = await client.authorize({ username: 'u', password: 'p', institution: 'FlinksCapital' });
    if (first.kind !== 'mfa') throw new Error('expected mfa');
    expect(Object.keys(first)).not.toContain('authorizeToken');
    await client.authorize({
      requestId: first.requestId,
      authorizeToken: first.authorizeToken,
      securityResponses: { 'requestId? What city?': 'Montreal', withKyc: ['a', 'b'] },
    });

    expect(seen.map(({ path, headers }) => [path, headers['flinks-auth-key']])).toEqual([
      ['/GenerateAuthorizeToken', SECRET],
      ['/Authorize', TOKEN],
      ['/Authorize', TOKEN],
    ]);
    expect(seen[2]?.body).toEqual({
      RequestId: REQUEST_ID,
      SecurityResponses: { 'requestId? What city?': ['Montreal'], withKyc: ['a', 'b'] },
    });
    // x-api-key is for data endpoints only.
    expect(seen.map(({ headers }) => headers['x-api-key'])).toEqual([undefined, undefined, undefined]);
  });
});

describe('fetchAccounts', () => {
  it('authorizes the loginId (cached, a token of its own) then waits for the data; each call mints its own token', async () => {
    const second = 'f0e1d2c3-b4a5-4697-8877-665544332211';
    const { client, seen } = fakeFlinks([
      token(),
      session(),
      pending(),
      ready(),
      token(second),
      session(),
      ready(),
    ]);

    const result = settle(
      client.fetchAccounts({ loginId: LOGIN_ID, withTransactions: true, pollIntervalMs: 5 }),
    );
    await vi.advanceTimersByTimeAsync(5);
    expect(result().value?.accounts[0]?.id).toBe(DETAIL.Accounts[0]?.Id);
    await client.fetchAccounts({ loginId: LOGIN_ID });

    expect(seen.map(({ method, path, headers }) => [method, path, headers['flinks-auth-key']])).toEqual([
      ['POST', '/GenerateAuthorizeToken', SECRET],
      ['POST', '/Authorize', TOKEN],
      ['POST', '/GetAccountsDetail', undefined],
      ['GET', `/GetAccountsDetailAsync/${REQUEST_ID}`, undefined],
      ['POST', '/GenerateAuthorizeToken', SECRET],
      ['POST', '/Authorize', second],
      ['POST', '/GetAccountsDetail', undefined],
    ]);
    expect(seen[1]?.body).toEqual({ LoginId: LOGIN_ID, MostRecentCached: true });
    for (const data of [seen[2], seen[3], seen[6]]) {
      expect(JSON.stringify(data)).not.toContain(TOKEN);
      expect(JSON.stringify(data)).not.toContain(SECRET);
    }
    expect(seen[2]?.body).toEqual({ RequestId: REQUEST_ID, WithTransactions: true });
    expect(result().value?.cachedError).toBeUndefined();
  });

  const cachedError: Answer = {
    status: 401,
    body: {
      HttpStatusCode: 401,
      FlinksCode: 'QUESTION_NOT_FOUND',
      Message: 'The MFA prompt has no stored answer',
      RequestId: REQUEST_ID,
      Login: DETAIL.Login,
    },
  };

  it('a cached /Authorize error with a RequestId rejects by default, keeping the RequestId and Login', async () => {
    const { client, seen } = fakeFlinks([token(), cachedError]);

    const error = (await client
      .fetchAccounts({ loginId: LOGIN_ID })
      .catch((e: unknown) => e)) as FlinksApiError;

    expect(error).toMatchObject({
      endpoint: 'Authorize',
      flinksCode: 'QUESTION_NOT_FOUND',
      requestId: REQUEST_ID,
      action: 'reconnect',
      body: { Login: { LastRefresh: DETAIL.Login.LastRefresh } },
    });
    expect(seen).toHaveLength(2);
  });

  it('with proceedOnCachedError, goes on with that RequestId and returns the error beside the data', async () => {
    const { client, seen } = fakeFlinks([token(), cachedError, ready()]);

    const result = await client.fetchAccounts({ loginId: LOGIN_ID, proceedOnCachedError: true });

    expect(seen[2]).toMatchObject({ path: '/GetAccountsDetail', body: { RequestId: REQUEST_ID } });
    expect(result.cachedError).toMatchObject({ flinksCode: 'QUESTION_NOT_FOUND' });
    expect(result.login?.lastRefresh).toBe(DETAIL.Login.LastRefresh);
  });

  it('an MFA challenge in cached mode rejects with action reconnect and the requestId for Connect', async () => {
    const { client } = fakeFlinks([
      token(),
      { status: 203, body: { RequestId: REQUEST_ID, SecurityChallenges: [{ Prompt: 'Code?' }] } },
    ]);

    await expect(
      client.fetchAccounts({ loginId: LOGIN_ID, proceedOnCachedError: true }),
    ).rejects.toMatchObject({
      status: 203,
      requestId: REQUEST_ID,
      action: 'reconnect',
    });
  });
});
