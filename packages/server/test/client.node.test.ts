import { startFlinksSimulator } from '@flinks-embed/simulator';
import type { FlinksSimulator } from '@flinks-embed/simulator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlinksApiError, createFlinksClient } from '../src/index';
import type { FlinksClient } from '../src/index';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let sim: FlinksSimulator;
let flinks: FlinksClient;
beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
  flinks = createFlinksClient({
    instance: 'toolbox',
    customerId: sim.customerId,
    secretKey: sim.secretKey,
    baseUrl: sim.apiBaseUrl,
  });
});
afterAll(() => sim.close());

async function rejection(promise: Promise<unknown>): Promise<FlinksApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FlinksApiError);
  return error as FlinksApiError;
}

describe('createFlinksClient against the simulator', () => {
  it('mints a token the simulator accepts, expiring tokenLifetimeMs after the request started', async () => {
    const clock = 1_750_000_000_000;
    const client = createFlinksClient({
      baseUrl: sim.apiBaseUrl,
      customerId: sim.customerId,
      secretKey: sim.secretKey,
      tokenLifetimeMs: 15 * 60_000,
      now: () => clock,
    });
    const issued = sim.stats().tokensIssued;

    const { token, expiresAt } = await client.generateAuthorizeToken();

    expect(token).toMatch(GUID);
    expect(expiresAt).toBe(clock + 15 * 60_000);
    expect(sim.stats().tokensIssued).toBe(issued + 1);
    expect((await fetch(`${sim.connectUrl}?authorizeToken=${token}`)).status).toBe(200);
    expect(sim.loadsOf(token)).toBe(1);
  });

  it('defaults expiresAt to 30 minutes after the request started', async () => {
    const before = Date.now();
    const { expiresAt } = await flinks.generateAuthorizeToken();

    expect(expiresAt).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
  });

  it('fails with a 401 FlinksApiError for a wrong secret key, without the key in the message', async () => {
    const client = createFlinksClient({
      baseUrl: sim.apiBaseUrl,
      customerId: sim.customerId,
      secretKey: 'sk_wrong_0123456789',
    });

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'http_error', status: 401, endpoint: 'GenerateAuthorizeToken' });
    expect(error.message).toBe(
      'Flinks GenerateAuthorizeToken answered HTTP 401: "You must provide a valid auth key". ' +
        'Check that secretKey and customerId belong to this instance (sandbox keys only work on "toolbox").',
    );
    expect(error.message).not.toContain('sk_wrong_0123456789');
  });

  it('authorizes with credentials through the MFA challenge, answering with the token that opened the flow', async () => {
    const before = sim.stats();

    const challenge = await flinks.authorize({
      username: 'Greatday',
      password: 'Everyday',
      institution: 'FlinksCapital',
    });
    expect(challenge).toEqual({
      kind: 'mfa',
      requestId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
      securityChallenges: [
        { type: 'QuestionAndAnswer', prompt: 'What city were you born in?', iterables: undefined },
      ],
      body: expect.any(Object),
    });
    if (challenge.kind !== 'mfa') throw new Error('expected an MFA challenge');

    expect(JSON.stringify(challenge)).not.toContain(challenge.authorizeToken);
    const session = await flinks.authorize({
      requestId: challenge.requestId,
      authorizeToken: challenge.authorizeToken,
      securityResponses: { [challenge.securityChallenges[0]?.prompt ?? '']: 'Montreal' },
    });

    expect(session).toMatchObject({
      kind: 'session',
      requestId: challenge.requestId,
      loginId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
      login: { username: 'Greatday', isScheduledRefresh: false, type: 'Personal' },
    });
    const after = sim.stats();
    // One flow, one token: Flinks takes the MFA answer with the token that opened the flow.
    expect(after.tokensIssued - before.tokensIssued).toBe(1);
    expect(after.redeemed - before.redeemed).toBe(1);
    expect(after.rejected.reused).toBe(before.rejected.reused);
  });

  it('gets a cached login back by loginId', async () => {
    const first = await flinks.authorize({
      username: 'greatday_nomfa',
      password: 'Everyday',
      institution: 'FlinksCapital',
    });
    if (first.kind !== 'session') throw new Error('expected a session');

    const cached = await flinks.authorize({ loginId: first.loginId, mostRecentCached: true });

    expect(cached).toMatchObject({ kind: 'session', loginId: first.loginId });
  });

  it('rejects wrong credentials with flinksCode INVALID_LOGIN and the requestId, never the password', async () => {
    const error = await rejection(
      flinks.authorize({ username: 'Greatday', password: 'Hunter2-secret', institution: 'FlinksCapital' }),
    );

    expect(error).toMatchObject({
      code: 'http_error',
      endpoint: 'Authorize',
      status: 401,
      flinksCode: 'INVALID_LOGIN',
      requestId: expect.stringMatching(GUID),
    });
    expect(error.message).toContain('HTTP 401 INVALID_LOGIN');
    expect(error.message).not.toContain('Hunter2-secret');
  });

  it('rejects an unknown loginId with Flinks’ message', async () => {
    const error = await rejection(flinks.authorize({ loginId: '00000000-0000-4000-8000-000000000000' }));

    expect(error.status).toBe(401);
    expect(error.message).toContain('"LoginId not found or invalid"');
  });

  it('reports the simulator’s simulated outage as an http_error with the status', async () => {
    sim.setFaults({ failNextTokenRequests: 1, tokenErrorStatus: 503 });

    const error = await rejection(flinks.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'http_error', status: 503 });
    expect(error.message).toContain('Flinks is failing: retry later.');
  });

  it('times out on a slow token endpoint', async () => {
    const client = createFlinksClient({
      baseUrl: sim.apiBaseUrl,
      customerId: sim.customerId,
      secretKey: sim.secretKey,
      timeoutMs: 100,
    });
    sim.setFaults({ tokenLatencyMs: 1000 });
    try {
      const error = await rejection(client.generateAuthorizeToken());

      expect(error).toMatchObject({ code: 'timeout', status: undefined });
      expect(error.message).toBe(
        'Flinks GenerateAuthorizeToken did not answer within 100 ms. Retry, or raise timeoutMs if Flinks is slow from your region.',
      );
    } finally {
      sim.setFaults({ tokenLatencyMs: 0 });
    }
  });
});
