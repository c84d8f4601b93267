import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { GUID, requestToken } from './support';

let sim: FlinksSimulator;
beforeEach(async () => {
  sim = await startFlinksSimulator({ port: 0 });
});
afterEach(() => sim.close());

describe('GenerateAuthorizeToken', () => {
  it('mints a fresh GUID token for the right secret key, in Flinks’ response shape', async () => {
    const first = await requestToken(sim);
    const second = await requestToken(sim);

    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('no-store');
    const body = (await first.json()) as { HttpStatusCode: number; Token: string };
    expect(body).toEqual({ HttpStatusCode: 200, Token: expect.stringMatching(GUID) });
    expect(((await second.json()) as { Token: string }).Token).not.toBe(body.Token);
    expect(sim.stats()).toMatchObject({ tokensIssued: 2, loadsPerToken: { '#1': 0, '#2': 0 } });
  });

  it.each([
    ['a wrong key', 'not-the-secret'],
    ['no key', null],
  ])('answers 401 with Flinks’ message for %s, and counts it', async (_, key) => {
    const response = await requestToken(sim, key);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      HttpStatusCode: 401,
      Message: 'You must provide a valid auth key',
    });
    expect(sim.stats()).toMatchObject({ tokensIssued: 0, rejected: { badSecret: 1 } });
  });

  it('refuses the right key under another customerId', async () => {
    const response = await requestToken(sim, sim.secretKey, '00000000-0000-4000-8000-000000000000');

    expect(response.status).toBe(401);
    expect(sim.stats().rejected.badSecret).toBe(1);
  });

  it('accepts only POST', async () => {
    const response = await fetch(
      `${sim.apiBaseUrl}/v3/${sim.customerId}/BankingServices/GenerateAuthorizeToken`,
    );

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('uses the customerId and secretKey it was given', async () => {
    const custom = await startFlinksSimulator({
      customerId: '11111111-2222-4333-8444-555555555555',
      secretKey: 'my-own-secret',
    });
    try {
      expect(custom.customerId).toBe('11111111-2222-4333-8444-555555555555');
      expect((await requestToken(custom, 'my-own-secret')).status).toBe(200);
      expect((await requestToken(custom, sim.secretKey)).status).toBe(401);
    } finally {
      await custom.close();
    }
  });
});

describe('setFaults', () => {
  it('fails the next N token requests with the chosen status, then recovers', async () => {
    sim.setFaults({ failNextTokenRequests: 2, tokenErrorStatus: 503 });

    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await requestToken(sim)).status);

    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.stats().tokensIssued).toBe(1);
  });

  it('fails with 500 by default', async () => {
    sim.setFaults({ failNextTokenRequests: 1 });

    expect((await requestToken(sim)).status).toBe(500);
  });

  it('delays token answers by tokenLatencyMs, and 0 turns the delay off', async () => {
    const timed = async (): Promise<number> => {
      const started = performance.now();
      await requestToken(sim);
      return performance.now() - started;
    };

    sim.setFaults({ tokenLatencyMs: 800 });
    expect(await timed()).toBeGreaterThanOrEqual(790);
    sim.setFaults({ tokenLatencyMs: 0 });
    expect(await timed()).toBeLessThan(500);
  });

  it('keeps fields that a later call omits', async () => {
    sim.setFaults({ tokenErrorStatus: 429 });
    sim.setFaults({ failNextTokenRequests: 1 });

    expect((await requestToken(sim)).status).toBe(429);
  });

  it.each([
    [{ tokenLatencyMs: -1 }, /tokenLatencyMs/],
    [{ failNextTokenRequests: 1.5 }, /failNextTokenRequests/],
    [{ tokenErrorStatus: 200 }, /tokenErrorStatus must be an HTTP error status/],
  ])('rejects %o with a message naming the field', (faults, message) => {
    expect(() => sim.setFaults(faults)).toThrow(message);
  });

  it('close() does not wait for a delayed answer', async () => {
    sim.setFaults({ tokenLatencyMs: 10_000 });
    const pending = requestToken(sim).catch(() => 'connection closed');
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = performance.now();
    await sim.close();

    expect(performance.now() - started).toBeLessThan(1000);
    expect(await pending).toBe('connection closed');
  });
});
