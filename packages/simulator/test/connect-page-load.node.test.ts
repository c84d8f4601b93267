import { afterEach, describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator, SimulatorOptions } from '../src/index';
import { NO_MFA, callAuthorize, manualClock, mintToken } from './support';

let sim: FlinksSimulator | undefined;
afterEach(() => sim?.close());

async function start(options: SimulatorOptions = {}): Promise<FlinksSimulator> {
  sim = await startFlinksSimulator(options);
  return sim;
}

function load(simulator: FlinksSimulator, token?: string, init?: RequestInit): Promise<Response> {
  const url = new URL(simulator.connectUrl);
  url.searchParams.set('demo', 'true');
  if (token !== undefined) url.searchParams.set('authorizeToken', token);
  return fetch(url, init);
}

/** The verdict the server embedded in the page for its program. */
async function tokenCheck(response: Response): Promise<string> {
  const html = await response.text();
  const json = /<script type="application\/json" id="flinks-connect-config">(.*?)<\/script>/s.exec(html)?.[1];
  if (json === undefined) throw new Error('The Connect page has no config element');
  return (JSON.parse(json) as { tokenCheck: string }).tokenCheck;
}

describe('Connect page loads', () => {
  it('counts every load of a token, keyed by issue order, and refuses the second one', async () => {
    const simulator = await start();
    const first = await mintToken(simulator);
    const second = await mintToken(simulator);

    expect(await tokenCheck(await load(simulator, second))).toBe('ok');
    expect(await tokenCheck(await load(simulator, second))).toBe('reused');

    expect(simulator.loadsOf(second)).toBe(2);
    expect(simulator.loadsOf(first)).toBe(0);
    expect(simulator.stats()).toEqual({
      tokensIssued: 2,
      loadsPerToken: { '#1': 0, '#2': 2 },
      redeemed: 0,
      rejected: { badSecret: 0, unknown: 0, expired: 0, reused: 1 },
    });
  });

  it('allows a second load with rejectReusedTokens: false, but never after the token was redeemed', async () => {
    const simulator = await start({ rejectReusedTokens: false });
    const token = await mintToken(simulator);

    expect(await tokenCheck(await load(simulator, token))).toBe('ok');
    expect(await tokenCheck(await load(simulator, token))).toBe('ok');
    await callAuthorize(simulator, token, NO_MFA);
    expect(await tokenCheck(await load(simulator, token))).toBe('reused');
    expect(simulator.loadsOf(token)).toBe(3);
  });

  it('refuses a token loaded after its lifetime, on the injected clock', async () => {
    const clock = manualClock();
    const simulator = await start({ now: clock.now, tokenLifetimeMs: 30 * 60_000 });
    const token = await mintToken(simulator);

    clock.advance(30 * 60_000);

    expect(await tokenCheck(await load(simulator, token))).toBe('expired');
    expect(simulator.stats().rejected.expired).toBe(1);
  });

  it('defaults the token lifetime to 30 minutes', async () => {
    const clock = manualClock();
    const simulator = await start({ now: clock.now });
    const fresh = await mintToken(simulator);
    const stale = await mintToken(simulator);

    clock.advance(30 * 60_000 - 1);
    expect(await tokenCheck(await load(simulator, fresh))).toBe('ok');
    clock.advance(1);
    expect(await tokenCheck(await load(simulator, stale))).toBe('expired');
  });

  it('refuses unknown tokens and loads without a token', async () => {
    const simulator = await start();

    expect(await tokenCheck(await load(simulator, 'made-up'))).toBe('unknown');
    expect(await tokenCheck(await load(simulator))).toBe('missing');
    expect(simulator.stats().rejected.unknown).toBe(2);
  });

  it('does not count HEAD requests as loads', async () => {
    const simulator = await start();
    const token = await mintToken(simulator);

    const head = await load(simulator, token, { method: 'HEAD' });

    expect(head.status).toBe(200);
    expect(simulator.loadsOf(token)).toBe(0);
  });

  it('serves the page uncached, without a Referer, under a nonce-based CSP, and never echoes the token', async () => {
    const simulator = await start();
    const token = await mintToken(simulator);

    const response = await load(simulator, token);
    const html = await response.text();

    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const nonce = /script-src 'nonce-([^']+)'/.exec(
      response.headers.get('content-security-policy') ?? '',
    )?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(html).not.toContain(token);
  });

  it('answers only GET and HEAD on /v2/', async () => {
    const simulator = await start();

    const response = await fetch(simulator.connectUrl, { method: 'POST' });

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });
});
