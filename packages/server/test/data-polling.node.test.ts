import { describe, expect, it, vi } from 'vitest';
import type { PendingInfo } from '../src/index';
import {
  fakeTimersPerTest,
  API_KEY,
  REQUEST_ID,
  SECRET,
  T0,
  fakeFlinks,
  pending,
  ready,
  settle,
} from './fake-flinks';

fakeTimersPerTest();

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
