import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { GREATDAY, GUID, NO_MFA, callAuthorize, manualClock, mintToken } from './support';

const INVALID_TOKEN = { HttpStatusCode: 401, Message: 'You must provide a valid authorize token' };

let sim: FlinksSimulator;
let clock: ReturnType<typeof manualClock>;
beforeEach(async () => {
  clock = manualClock();
  sim = await startFlinksSimulator({ now: clock.now, tokenLifetimeMs: 60_000 });
});
afterEach(() => sim.close());

describe('Authorize: the authorize token', () => {
  it('logs in with a fresh token and spends it', async () => {
    const token = await mintToken(sim);

    const response = await callAuthorize(sim, token, NO_MFA);

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      HttpStatusCode: 200,
      RequestId: expect.stringMatching(GUID),
      Institution: 'FlinksCapital',
      Login: {
        Id: expect.stringMatching(GUID),
        Username: 'greatday_nomfa',
        IsScheduledRefresh: false,
        LastRefresh: new Date(clock.now()).toISOString(),
        Type: 'Personal',
      },
    });
    expect(sim.stats()).toMatchObject({ redeemed: 1, rejected: { unknown: 0, expired: 0, reused: 0 } });
  });

  it('refuses a token used a second time', async () => {
    const token = await mintToken(sim);
    await callAuthorize(sim, token, NO_MFA);

    const again = await callAuthorize(sim, token, NO_MFA);

    expect(again.status).toBe(401);
    expect(await again.json()).toEqual(INVALID_TOKEN);
    expect(sim.stats()).toMatchObject({ redeemed: 1, rejected: { reused: 1 } });
  });

  it('refuses a token past its lifetime, and accepts it just before', async () => {
    const early = await mintToken(sim);
    const late = await mintToken(sim);

    clock.advance(59_999);
    expect((await callAuthorize(sim, early, NO_MFA)).status).toBe(200);
    clock.advance(1);
    const expired = await callAuthorize(sim, late, NO_MFA);

    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual(INVALID_TOKEN);
    expect(sim.stats()).toMatchObject({ redeemed: 1, rejected: { expired: 1 } });
  });

  it.each([
    ['an unknown token', '3f0b5a4e-0000-4000-8000-000000000000'],
    ['no token', null],
  ])('refuses %s', async (_, token) => {
    const response = await callAuthorize(sim, token, NO_MFA);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual(INVALID_TOKEN);
    expect(sim.stats().rejected.unknown).toBe(1);
  });

  it('refuses the secret key in place of a token, as Flinks does', async () => {
    const response = await callAuthorize(sim, sim.secretKey, NO_MFA);

    expect(response.status).toBe(401);
    expect(sim.stats().rejected.unknown).toBe(1);
  });

  it('does not spend a token on a malformed request', async () => {
    const token = await mintToken(sim);

    const malformed = await callAuthorize(sim, token, { Username: 'Greatday' });
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { Message: string }).Message).toMatch(
      /LoginId, or Username, Password and Institution/,
    );

    expect((await callAuthorize(sim, token, NO_MFA)).status).toBe(200);
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await fetch(`${sim.apiBaseUrl}/v3/${sim.customerId}/BankingServices/Authorize`, {
      method: 'POST',
      headers: { 'flinks-auth-key': await mintToken(sim) },
      body: '{not json',
    });

    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      HttpStatusCode: 400,
      Message: 'The request body is not valid JSON.',
    });
  });
});

describe('Authorize: the sandbox logins', () => {
  it('asks the security question, then logs in with the answer sent with a fresh token', async () => {
    const challenge = await callAuthorize(sim, await mintToken(sim), GREATDAY);
    expect(challenge.status).toBe(203);
    const asked = (await challenge.json()) as { RequestId: string; SecurityChallenges: { Prompt: string }[] };
    expect(asked).toEqual({
      HttpStatusCode: 203,
      RequestId: expect.stringMatching(GUID),
      Institution: 'FlinksCapital',
      SecurityChallenges: [{ Type: 'QuestionAndAnswer', Prompt: 'What city were you born in?' }],
    });

    const answered = await callAuthorize(sim, await mintToken(sim), {
      RequestId: asked.RequestId,
      SecurityResponses: { 'What city were you born in?': ['  montréal '] },
    });

    expect(answered.status).toBe(200);
    expect(await answered.json()).toMatchObject({
      RequestId: asked.RequestId,
      Login: { Username: 'Greatday' },
    });
    expect(sim.stats().redeemed).toBe(2);
  });

  it('asks in French when Language is fr', async () => {
    const response = await callAuthorize(sim, await mintToken(sim), { ...GREATDAY, Language: 'fr' });

    expect(await response.json()).toMatchObject({
      SecurityChallenges: [{ Prompt: 'Dans quelle ville êtes-vous né(e)\u00a0?' }],
    });
  });

  it('lets the session’s own token carry its retries and answers (as the Connect page does), nothing else', async () => {
    const token = await mintToken(sim);
    const wrong = await callAuthorize(sim, token, { ...GREATDAY, Password: 'nope' });
    const { RequestId } = (await wrong.json()) as { RequestId: string };

    const withoutSession = await callAuthorize(sim, token, GREATDAY);
    expect(withoutSession.status).toBe(401);
    expect(await withoutSession.json()).toEqual(INVALID_TOKEN);

    const retry = await callAuthorize(sim, token, { ...GREATDAY, RequestId });
    expect(retry.status).toBe(203);
    const answer = await callAuthorize(sim, token, {
      RequestId,
      SecurityResponses: { 'What city were you born in?': ['Montreal'] },
    });
    expect(answer.status).toBe(200);
    expect(sim.stats()).toMatchObject({ tokensIssued: 1, redeemed: 1, rejected: { reused: 1 } });
  });

  it('answers INVALID_LOGIN with the RequestId and Institution for wrong credentials', async () => {
    const response = await callAuthorize(sim, await mintToken(sim), { ...GREATDAY, Password: 'everyday' });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      HttpStatusCode: 401,
      FlinksCode: 'INVALID_LOGIN',
      Message: 'The username or password is incorrect.',
      RequestId: expect.stringMatching(GUID),
      Institution: 'FlinksCapital',
    });
  });

  it('answers INVALID_SECURITY_RESPONSE and asks the question again for a wrong answer', async () => {
    const { RequestId } = (await (await callAuthorize(sim, await mintToken(sim), GREATDAY)).json()) as {
      RequestId: string;
    };

    const response = await callAuthorize(sim, await mintToken(sim), {
      RequestId,
      SecurityResponses: { 'What city were you born in?': ['Toronto'] },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      FlinksCode: 'INVALID_SECURITY_RESPONSE',
      RequestId,
      SecurityChallenges: [{ Prompt: 'What city were you born in?' }],
    });
  });

  it.each([
    ['test_service_unavailable', 'RETRY_LATER'],
    ['test_disabled_account', 'DISABLED_LOGIN'],
  ])('answers %s with %s, like Flinks’ sandbox', async (username, flinksCode) => {
    const response = await callAuthorize(sim, await mintToken(sim), { ...NO_MFA, Username: username });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ FlinksCode: flinksCode });
  });

  it('logs in again from the LoginId of an earlier login (MostRecentCached)', async () => {
    const first = (await (await callAuthorize(sim, await mintToken(sim), NO_MFA)).json()) as {
      RequestId: string;
      Login: { Id: string };
    };

    const cached = await callAuthorize(sim, await mintToken(sim), {
      LoginId: first.Login.Id,
      MostRecentCached: true,
    });

    expect(cached.status).toBe(200);
    const body = (await cached.json()) as { RequestId: string; Login: { Id: string } };
    expect(body.Login.Id).toBe(first.Login.Id);
    expect(body.RequestId).not.toBe(first.RequestId);
  });

  it('refuses an unknown LoginId with Flinks’ message', async () => {
    const response = await callAuthorize(sim, await mintToken(sim), {
      LoginId: 'f0000000-0000-4000-8000-000000000000',
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      HttpStatusCode: 401,
      FlinksCode: 'INVALID_LOGIN',
      Message: 'LoginId not found or invalid',
    });
  });

  it('answers SESSION_NONEXISTENT for a RequestId it never issued', async () => {
    const response = await callAuthorize(sim, await mintToken(sim), {
      RequestId: 'f0000000-0000-4000-8000-000000000000',
      SecurityResponses: { 'What city were you born in?': ['Montreal'] },
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ FlinksCode: 'SESSION_NONEXISTENT' });
  });

  it('refuses an institution the sandbox does not know, naming the ones it does', async () => {
    const response = await callAuthorize(sim, await mintToken(sim), { ...NO_MFA, Institution: 'Monzo' });

    expect(response.status).toBe(400);
    expect(((await response.json()) as { Message: string }).Message).toMatch(/FlinksCapital/);
  });
});
