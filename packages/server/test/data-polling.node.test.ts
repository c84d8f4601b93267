import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlinksApiError } from '../src/index';
import type { PendingInfo } from '../src/index';
import { API_KEY, REQUEST_ID, SECRET, fakeFlinks, pending, ready, settle } from './fake-flinks';

const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);
beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const ASYNC = `/GetAccountsDetailAsync/${REQUEST_ID}`;

describe('getAccountsDetail: 202 polling', () => {
  it('POSTs once, then GETs the Async endpoint pollIntervalMs after each 202, until the 200', async () => {
    const { client, seen } = fakeFlinks([pending(), pending(), pending(), ready()]);
    const pendings: PendingInfo[] = [];

    const result = settle(
      client.getAccountsDetail({
        requestId: REQUEST_ID,
        withTransactions: true,
        withAccountIdentity: false,
        withKyc: true,
        daysOfTransactions: 'Days365',
        accountsFilter: ['27a9ffa0-c6b9-4cc6-9eaa-aa9efa07a889'],
        pollIntervalMs: 25,
        onPending: (info) => pendings.push(info),
      }),
    );
    await vi.advanceTimersByTimeAsync(74);
    expect(result().done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(seen.map(({ method, path, at }) => [method, path, at - T0])).toEqual([
      ['POST', '/GetAccountsDetail', 0],
      ['GET', ASYNC, 25],
      ['GET', ASYNC, 50],
      ['GET', ASYNC, 75],
    ]);
    expect(seen[0]?.body).toEqual({
      RequestId: REQUEST_ID,
      WithTransactions: true,
      WithAccountIdentity: false,
      WithKYC: true,
      DaysOfTransactions: 'Days365',
      AccountsFilter: ['27a9ffa0-c6b9-4cc6-9eaa-aa9efa07a889'],
    });
    expect(seen[0]?.headers).toEqual({ accept: 'application/json', 'content-type': 'application/json' });
    for (const get of seen.slice(1)) {
      expect(get.body).toBeUndefined();
      expect(get.headers).toEqual({ accept: 'application/json' });
    }
    expect(pendings).toEqual([
      { attempt: 1, elapsedMs: 0, flinksCode: 'OPERATION_PENDING', nextPollInMs: 25 },
      { attempt: 2, elapsedMs: 25, flinksCode: 'OPERATION_PENDING', nextPollInMs: 25 },
      { attempt: 3, elapsedMs: 50, flinksCode: 'OPERATION_PENDING', nextPollInMs: 25 },
    ]);

    const detail = result().value;
    expect(detail).toMatchObject({
      requestId: REQUEST_ID,
      institution: 'FlinksCapital',
      login: { id: '5602459c-f6d0-4ca0-6750-08dccdcadcc0', lastRefresh: '2025-01-31T17:40:54.569261' },
    });
    expect(detail?.accounts).toEqual([
      {
        id: '27a9ffa0-c6b9-4cc6-9eaa-aa9efa07a889',
        title: 'Chequing Account',
        accountNumber: '7641238',
        lastFourDigits: null,
        transitNumber: '12347',
        institutionNumber: '777',
        overdraftLimit: 100.5,
        balance: { available: 5405.5, current: 5105.5, limit: null },
        category: 'Operations',
        type: 'Chequing',
        currency: 'CAD',
        holder: {
          name: 'Testing',
          address: {
            civicAddress: '25 york street',
            city: 'TOR',
            province: 'ON',
            postalCode: 'M5J 2V5',
            poBox: null,
            country: 'CA',
          },
          email: 'test_user1@nomail.com',
          phoneNumber: '9051234567',
        },
        accountType: null,
        transactions: [
          {
            id: '94584aed-7c98-42a4-9836-9f8557db63f5',
            date: '2025-01-31',
            description: 'PAYROLL - Stripe Paycheck',
            debit: null,
            credit: 1500.25,
            balance: 5105.6,
          },
        ],
        eftEligibleRatio: null,
        eTransferEligibleRatio: null,
      },
    ]);
    expect(detail?.body.InstitutionId).toBe(14);
  });

  it('defaults to 10 s between polls, as Flinks asks, and sends only RequestId when no option is given', async () => {
    const { client, seen } = fakeFlinks([pending(), ready()]);

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID }));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);

    expect(seen.map(({ at }) => at - T0)).toEqual([0, 10_000]);
    expect(seen[0]?.body).toEqual({ RequestId: REQUEST_ID });
    expect(result().value?.accounts).toHaveLength(1);
  });

  it('answers at once when the first POST is a 200, and polls OPERATION_DISPATCHED like OPERATION_PENDING', async () => {
    const first = fakeFlinks([ready()]);
    expect((await first.client.getAccountsDetail({ requestId: REQUEST_ID })).requestId).toBe(REQUEST_ID);
    expect(first.seen).toHaveLength(1);

    const { client, seen } = fakeFlinks([pending('OPERATION_DISPATCHED'), ready()]);
    const codes: string[] = [];
    const result = settle(
      client.getAccountsDetail({
        requestId: REQUEST_ID,
        pollIntervalMs: 10,
        onPending: ({ flinksCode }) => codes.push(flinksCode),
      }),
    );
    await vi.advanceTimersByTimeAsync(10);

    expect(seen.map(({ method, path }) => `${method} ${path}`)).toEqual([
      'POST /GetAccountsDetail',
      `GET ${ASYNC}`,
    ]);
    expect(codes).toEqual(['OPERATION_DISPATCHED']);
    expect(result().done).toBe(true);
  });

  it('retries a 5xx or a network failure of the first POST with the POST, and of a poll with the GET', async () => {
    const { client, seen } = fakeFlinks([
      { status: 503, body: '' },
      'network',
      pending(),
      { status: 500, body: { FlinksCode: 'AGGREGATION_ERROR', HttpStatusCode: 500 } },
      'network',
      { status: 502 },
      ready(),
    ]);
    const pendings: PendingInfo[] = [];

    const result = settle(
      client.getAccountsDetail({
        requestId: REQUEST_ID,
        pollIntervalMs: 20,
        onPending: (info) => pendings.push(info),
      }),
    );
    await vi.advanceTimersByTimeAsync(120);

    expect(seen.map(({ method, path, at }) => [method, path, at - T0])).toEqual([
      ['POST', '/GetAccountsDetail', 0],
      ['POST', '/GetAccountsDetail', 20],
      ['POST', '/GetAccountsDetail', 40],
      ['GET', ASYNC, 60],
      ['GET', ASYNC, 80],
      ['GET', ASYNC, 100],
      ['GET', ASYNC, 120],
    ]);
    expect(pendings.map(({ attempt }) => attempt)).toEqual([3]);
    expect(result().value?.institution).toBe('FlinksCapital');
  });

  it('retries a request that outlives dataTimeoutMs (default 240 s, above Flinks’ 210 s threshold)', async () => {
    const { client, seen } = fakeFlinks(['hang', ready()]);

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID }));
    await vi.advanceTimersByTimeAsync(239_999);
    expect(seen).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 + 10_000);

    expect(seen.map(({ method, at }) => [method, at - T0])).toEqual([
      ['POST', 0],
      ['POST', 250_000],
    ]);
    expect(result().done).toBe(true);
  });

  it('the request at the deadline gets the whole dataTimeoutMs, then still_pending names the timeout', async () => {
    const { client, seen } = fakeFlinks(['hang']);

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID, maxWaitMs: 0 }));
    await vi.advanceTimersByTimeAsync(239_999);
    expect(result().done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);

    expect(seen).toHaveLength(1);
    expect(result().error).toMatchObject({
      code: 'still_pending',
      requestId: REQUEST_ID,
      cause: { code: 'timeout', endpoint: 'GetAccountsDetail' },
    });
    expect((result().error as Error).message).toContain('(1 request; last: timeout)');
  });

  it.each([
    [400, 'SESSION_NONEXISTENT', 'reauthorize'],
    [401, 'INVALID_LOGIN', 'reconnect'],
    [401, 'RETRY_LATER', 'retry_later'],
    [400, 'CARD_IN_USE', 'retry_later'],
  ])(
    'a %i %s while polling rejects at once, with flinksCode, requestId, body and action %s',
    async (status, code, action) => {
      const errorBody = { HttpStatusCode: status, FlinksCode: code, Message: 'Nope', RequestId: REQUEST_ID };
      const { client, seen } = fakeFlinks([pending(), { status, body: errorBody }]);

      const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID, pollIntervalMs: 10 }));
      await vi.advanceTimersByTimeAsync(10);
      const error = result().error as FlinksApiError;
      await vi.advanceTimersByTimeAsync(60_000);

      expect(error).toBeInstanceOf(FlinksApiError);
      expect(error).toMatchObject({
        code: 'http_error',
        endpoint: 'GetAccountsDetailAsync',
        status,
        flinksCode: code,
        requestId: REQUEST_ID,
        body: errorBody,
        action,
      });
      expect(error.message).toContain(`HTTP ${status} ${code}: "Nope"`);
      expect(error.message).not.toContain(REQUEST_ID);
      expect(seen).toHaveLength(2);
    },
  );

  it('past maxWaitMs rejects with still_pending and the requestId, after the last poll that fits', async () => {
    const { client, seen } = fakeFlinks([pending(), pending(), pending(), pending('OPERATION_DISPATCHED')]);

    const result = settle(
      client.getAccountsDetail({ requestId: REQUEST_ID, pollIntervalMs: 10, maxWaitMs: 35 }),
    );
    await vi.advanceTimersByTimeAsync(30);
    const error = result().error as FlinksApiError;
    await vi.advanceTimersByTimeAsync(60_000);

    expect(seen.map(({ at }) => at - T0)).toEqual([0, 10, 20, 30]);
    expect(error).toBeInstanceOf(FlinksApiError);
    expect(error).toMatchObject({
      code: 'still_pending',
      requestId: REQUEST_ID,
      status: 202,
      flinksCode: 'OPERATION_DISPATCHED',
      action: 'retry_later',
    });
    expect(error.message).toBe(
      'Flinks GetAccountsDetail had no data after 30 ms (4 requests; last: OPERATION_DISPATCHED). Call it again with the same requestId (Flinks keeps processing for up to 30 minutes), or wait for the GetAccountsDetail webhook.',
    );
  });

  it('defaults maxWaitMs to 30 minutes: 181 requests at 10 s, then still_pending', async () => {
    const { client, seen } = fakeFlinks(Array.from({ length: 181 }, () => pending()));

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID }));
    await vi.advanceTimersByTimeAsync(30 * 60_000);

    expect(seen).toHaveLength(181);
    expect(seen.at(-1)?.at).toBe(T0 + 30 * 60_000);
    expect(result().error).toMatchObject({ code: 'still_pending', requestId: REQUEST_ID });
  });

  it('still_pending after failures only keeps the last failure as its cause', async () => {
    const { client } = fakeFlinks([pending(), 'network', { status: 503 }]);

    const result = settle(
      client.getAccountsDetail({ requestId: REQUEST_ID, pollIntervalMs: 10, maxWaitMs: 20 }),
    );
    await vi.advanceTimersByTimeAsync(20);

    const error = result().error as FlinksApiError;
    expect(error).toMatchObject({ code: 'still_pending', requestId: REQUEST_ID, action: 'retry_later' });
    expect(error.cause).toMatchObject({ code: 'http_error', status: 503 });
  });

  it('an abort mid-wait rejects at once with the reason and sends nothing more', async () => {
    const { client, seen } = fakeFlinks([pending(), pending()]);
    const controller = new AbortController();

    const result = settle(
      client.getAccountsDetail({ requestId: REQUEST_ID, pollIntervalMs: 1_000, signal: controller.signal }),
    );
    await vi.advanceTimersByTimeAsync(400);
    const reason = new Error('user left');
    controller.abort(reason);
    await vi.advanceTimersByTimeAsync(0);

    expect(result().error).toBe(reason);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toHaveLength(1);
  });

  it('an abort mid-request aborts the request itself, and an aborted signal sends nothing', async () => {
    const { client, seen } = fakeFlinks(['hang']);
    const controller = new AbortController();

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID, signal: controller.signal }));
    await vi.advanceTimersByTimeAsync(5);
    controller.abort(new Error('stop'));
    await vi.advanceTimersByTimeAsync(0);

    expect(result().error).toEqual(new Error('stop'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(seen).toHaveLength(1);

    const none = fakeFlinks([]);
    await expect(
      none.client.getAccountsDetail({ requestId: REQUEST_ID, signal: AbortSignal.abort(new Error('early')) }),
    ).rejects.toThrow('early');
    expect(none.seen).toHaveLength(0);
  });

  it('sends x-api-key on the POST and every poll when configured, never the secret key or flinks-auth-key', async () => {
    const { client, seen } = fakeFlinks([pending(), ready()], { apiKey: API_KEY });

    const result = settle(client.getAccountsDetail({ requestId: REQUEST_ID, pollIntervalMs: 10 }));
    await vi.advanceTimersByTimeAsync(10);

    expect(result().done).toBe(true);
    expect(seen.map(({ headers }) => headers['x-api-key'])).toEqual([API_KEY, API_KEY]);
    for (const request of seen) {
      expect(request.headers['flinks-auth-key']).toBeUndefined();
      expect(JSON.stringify(request)).not.toContain(SECRET);
    }
  });

  it('a 200 without an Accounts list is a bad_response, not data', async () => {
    const { client } = fakeFlinks([{ status: 200, body: { HttpStatusCode: 200 } }]);

    await expect(client.getAccountsDetail({ requestId: REQUEST_ID })).rejects.toMatchObject({
      code: 'bad_response',
      endpoint: 'GetAccountsDetail',
      requestId: REQUEST_ID,
      action: 'fix_setup',
    });
  });

  it.each([[''], [undefined]])(
    'refuses a missing requestId (%s) before sending anything',
    async (requestId) => {
      const { client, seen } = fakeFlinks([]);

      await expect(client.getAccountsDetail({ requestId: requestId as string })).rejects.toThrow(
        'GetAccountsDetail: pass the requestId that authorize() resolved to',
      );
      expect(seen).toHaveLength(0);
    },
  );
});
