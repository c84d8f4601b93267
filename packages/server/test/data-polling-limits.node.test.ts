import { describe, expect, it, vi } from 'vitest';
import { FlinksApiError } from '../src/index';
import type { PendingInfo } from '../src/index';
import { fakeTimersPerTest, REQUEST_ID, T0, fakeFlinks, pending, ready, settle } from './fake-flinks';

// What bounds the polling: retried failures, dataTimeoutMs, maxWaitMs (still_pending), aborts.
fakeTimersPerTest();

const ASYNC = `/GetAccountsDetailAsync/${REQUEST_ID}`;

describe('getAccountsDetail: 202 polling, its retries, time limits and aborts', () => {
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
});
