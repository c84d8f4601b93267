// <flinks-connect> in Chromium, on a plain HTML page against the simulator on a second origin: what
// reaches the app (REDIRECT through the callback and the DOM event), and what never does (forged
// messages from a third origin, another window on Connect's origin, the page itself).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_BANK_LABELS, sandboxBank, sandboxHappyPath } from '@flinks-embed/simulator/playwright';
import {
  eventually,
  frame,
  GUID,
  host,
  iframeSrcs,
  log,
  openLoaded,
  page,
  sim,
  steps,
  tokenOf,
  waitForStep,
} from './browser-fixture';

const HAPPY_PATH = sandboxHappyPath({ consent: false });

/** What an attacker posts: a spent-token step, and a REDIRECT as an object and as a JSON string. */
const FORGED = [
  { step: 'SUBMIT_CREDENTIAL', institution: 'FlinksCapital' },
  { step: 'REDIRECT', loginId: 'forged-login', institution: 'EvilBank' },
  JSON.stringify({ step: 'REDIRECT', loginId: 'forged-login-json', institution: 'EvilBank' }),
];
const ATTACKER_HTML = `<!doctype html><title>Not Flinks</title><script>
  const target = window.opener || window.parent;
  for (const message of ${JSON.stringify(FORGED)}) target.postMessage(message, '*');
</script>`;

let attacker: Server;
let attackerOrigin: string;

beforeAll(async () => {
  attacker = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(ATTACKER_HTML),
  );
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
});

afterAll(async () => {
  attacker?.closeAllConnections();
  await new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined)));
});

describe('<flinks-connect> on a plain HTML page', () => {
  it('shows a status line, then Connect with the token in its URL exactly once, and hands REDIRECT to the callback and the DOM event', async () => {
    const release = host.holdTokens();
    await page.goto(host.origin);
    await expect
      .poll(() => page.getByRole('status').textContent(), eventually)
      .toBe('Loading your bank connection…');
    release();
    await waitForStep('APP_MOUNTED');

    const srcs = await iframeSrcs();
    expect(srcs).toHaveLength(1);
    const src = srcs[0]!;
    const token = tokenOf(src);
    expect(token).toMatch(GUID);
    expect(src.split(token)).toHaveLength(2);
    expect(new URL(src).searchParams.getAll('authorizeToken')).toEqual([token]);
    expect(Object.fromEntries(new URL(src).searchParams)).toEqual({
      authorizeToken: token,
      consentEnable: 'false',
      demo: 'true',
    });
    expect(await page.getByRole('status').count()).toBe(0);
    const iframe = page.locator('flinks-connect iframe');
    expect(await iframe.getAttribute('title')).toBe('Connect your bank account');
    expect(await iframe.getAttribute('allow')).toBe('clipboard-write; fullscreen');

    await sandboxBank(frame(), { typing: 'keys' }).linkAccount({ consent: false, account: /Chequing/ });
    await waitForStep('REDIRECT');

    expect(await steps()).toEqual(HAPPY_PATH);
    const entries = await log();
    const viaCallback = entries.filter((entry) => entry.via === 'onRedirect');
    const viaEvent = entries.filter((entry) => entry.via === 'flinks-redirect');
    expect(viaCallback).toHaveLength(1);
    expect(viaEvent).toHaveLength(1);
    expect(viaEvent[0]!.detail).toEqual(viaCallback[0]!.detail);
    expect(viaEvent[0]!.detail).toMatchObject({
      loginId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
      requestId: expect.stringMatching(GUID),
    });
    expect(entries.filter((entry) => /error/i.test(entry.via))).toEqual([]);

    expect(host.tokenRequests).toBe(1);
    expect(sim.loadsOf(token)).toBe(1);
    expect(sim.stats()).toMatchObject({ rejected: { badSecret: 0, unknown: 0, expired: 0, reused: 0 } });
  });

  it('ignores forged messages from a third-origin frame, a window on the Connect origin, and the page itself', async () => {
    const token = await openLoaded();
    await waitForStep('COMPONENT_LOAD_INSTITUTION_SELECTOR');
    const genuine = await steps();
    const before = await page.evaluate(() => window.messagesReceived);
    expect(attackerOrigin).not.toBe(sim.instanceUrl);

    const received = (count: number) =>
      expect.poll(() => page.evaluate(() => window.messagesReceived), eventually).toBe(before + count);

    // 1. A frame on a third origin, in the host page.
    await page.evaluate((src) => {
      const widget = document.createElement('iframe');
      widget.src = src;
      widget.title = 'Third-party widget';
      document.body.append(widget);
    }, `${attackerOrigin}/widget`);
    // Each source's messages arrive before the next one starts: a page behind a pop-up counts as
    // a background tab, whose frames Chromium may load late.
    await received(FORGED.length);
    // 2. A window on the Connect origin itself that is not the Connect iframe: only the source check stops it.
    const popup = page.waitForEvent('popup');
    // The simulator's index page: `/` is the Connect page, whose load would count as a refused token.
    await page.evaluate((url) => void window.open(url, '_blank'), `${sim.instanceUrl}/_simulator`);
    const impostor = await popup;
    await impostor.waitForLoadState();
    await impostor.evaluate((messages) => {
      for (const message of messages) window.opener.postMessage(message, '*');
    }, FORGED);
    await received(2 * FORGED.length);
    await impostor.close();
    await page.bringToFront();
    // 3. The host page's own window.
    await page.evaluate((messages) => {
      for (const message of messages) window.postMessage(message, '*');
    }, FORGED);
    await received(3 * FORGED.length);

    expect(await steps()).toEqual(genuine);
    expect((await log()).filter((entry) => entry.via !== 'flinks-event')).toEqual([]);
    expect(await iframeSrcs()).toEqual([expect.stringContaining(token), `${attackerOrigin}/widget`]);

    // The genuine frame still gets through.
    await frame().getByRole('button', { name: SANDBOX_BANK_LABELS.en.institution }).click();
    await waitForStep('INSTITUTION_SELECTED');
    expect(sim.loadsOf(token)).toBe(1);
  });
});
