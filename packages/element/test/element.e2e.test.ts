// <flinks-connect> in Chromium, from a plain HTML page (no framework, no bundler), against the
// simulator on a second origin.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startFlinksSimulator, type FlinksSimulator } from '@flinks-embed/simulator';
import { SANDBOX_BANK_LABELS, sandboxBank, sandboxHappyPath } from '@flinks-embed/simulator/playwright';
import type { FlinksConnectElement } from '../src/define';
import type { FlinksConnectMount } from '../src/index';
import { hostPage, mountPage, startHostApp, type HostApp } from './host-app';

const HAPPY_PATH = sandboxHappyPath({ consent: false });
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

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

// Generous: a two-core CI machine runs Chromium, the simulator and Vitest at once.
const eventually = { timeout: 20_000, interval: 50 };

interface Entry {
  via: string;
  detail: unknown;
}

let browser: Browser;
let sim: FlinksSimulator;
let host: HostApp;
let attacker: Server;
let attackerOrigin: string;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const { executablePath, args } = inject('chromium');
  attacker = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(ATTACKER_HTML),
  );
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  [browser, sim] = await Promise.all([
    chromium.launch({ executablePath, args }),
    startFlinksSimulator({ port: 0 }),
  ]);
  host = await startHostApp(sim);
  host.page('/', hostPage(`connect-url="${sim.connectUrl}" demo consent-enable="false"`));
  host.page('/mount', mountPage(sim.connectUrl));
  const oauth = `connect-url="${sim.connectUrl}" demo demo-outbound consent-enable="false"`;
  host.page('/oauth', hostPage(oauth));
  host.page('/oauth-fr', hostPage(`${oauth} language="fr"`));
});

afterAll(async () => {
  attacker?.closeAllConnections();
  await Promise.all([
    browser?.close(),
    sim?.close(),
    host?.close(),
    new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined))),
  ]);
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors = [];
  host.resetTokenRequests();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  sim.setFaults({ blockPopups: false });
  await context.close();
  expect(pageErrors).toEqual([]);
});

const frame = (): FrameLocator => page.frameLocator('flinks-connect iframe');
const log = (): Promise<Entry[]> => page.evaluate(() => window.record.log);
const steps = async (): Promise<string[]> =>
  (await log())
    .filter((entry) => entry.via === 'flinks-event')
    .map((entry) => (entry.detail as { step?: string }).step ?? 'flinksCode');
const iframeSrcs = (): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('iframe')].map((iframe) => iframe.src));
const tokenOf = (src: string): string => new URL(src).searchParams.get('authorizeToken') ?? '';

/** The library's listeners on window and document, and its pending timers. */
const leftBehind = (): Promise<{ listeners: string[]; timers: number }> =>
  page.evaluate(() => ({
    listeners: window.live.listeners.map((entry) => `${entry.on}:${entry.type}`),
    timers: window.live.timers.size,
  }));

async function waitForStep(step: string): Promise<void> {
  await expect.poll(async () => (await steps()).includes(step), eventually).toBe(true);
}

/** Opens the page and waits until Connect has mounted; returns the iframe's token. */
async function openLoaded(): Promise<string> {
  await page.goto(host.origin);
  await waitForStep('APP_MOUNTED');
  const [src] = await iframeSrcs();
  return tokenOf(src ?? '');
}

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

  it('leaves no listener, timer or request behind when removed, and starts over with a fresh token when put back', async () => {
    const first = await openLoaded();
    expect((await leftBehind()).listeners).toEqual(
      expect.arrayContaining(['window:message', 'window:online', 'document:visibilitychange']),
    );
    expect((await leftBehind()).timers).toBeGreaterThan(0);

    await page.evaluate(() => {
      window.connect = document.querySelector('flinks-connect')!;
      window.connect.remove();
    });
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await iframeSrcs()).toEqual([]);
    expect(await page.evaluate(() => window.connect.childNodes.length)).toBe(0);

    // Put back while the token endpoint is slow, then removed again: the request is aborted.
    const release = host.holdTokens();
    await page.evaluate(() => document.body.append(window.connect));
    await expect.poll(() => host.tokenRequests, eventually).toBe(2);
    await page.evaluate(() => window.connect.remove());
    await expect.poll(() => page.evaluate(() => window.record.aborted), eventually).toBe(1);
    release();
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(2);

    // Put back for good: a third token, loaded once.
    await page.evaluate(() => document.body.append(window.connect));
    await expect.poll(async () => (await iframeSrcs()).length, eventually).toBe(1);
    const third = tokenOf((await iframeSrcs())[0]!);
    expect(third).toMatch(GUID);
    expect(third).not.toBe(first);
    await expect.poll(() => sim.loadsOf(third), eventually).toBe(1);
    expect(sim.loadsOf(first)).toBe(1);
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(3);
    expect(sim.stats()).toMatchObject({ rejected: { unknown: 0, expired: 0, reused: 0 } });
    expect((await log()).filter((entry) => /error/i.test(entry.via))).toEqual([]);
  });

  it('reloads with a fresh token when an attribute changes, and not for equal params or new callbacks', async () => {
    const first = await openLoaded();
    await page.evaluate(() => {
      const element = document.querySelector('flinks-connect')!;
      element.params = { demo: true };
      element.onEvent = () => {};
      element.setAttribute('consent-enable', 'false');
    });
    // Those changes (made in one task) are settled by the next one; the attribute change below is
    // what makes the second token request.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(1);

    await page.evaluate(() => document.querySelector('flinks-connect')!.setAttribute('language', 'fr'));
    await expect
      .poll(
        async () => new URL((await iframeSrcs())[0] ?? 'about:blank').searchParams.get('language'),
        eventually,
      )
      .toBe('fr');
    const second = tokenOf((await iframeSrcs())[0]!);
    expect(second).toMatch(GUID);
    expect(second).not.toBe(first);
    await expect.poll(() => frame().locator('html').getAttribute('lang'), eventually).toBe('fr');
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(2);
    expect(host.tokenRequests).toBe(2);
    expect(sim.loadsOf(first)).toBe(1);
    expect(sim.loadsOf(second)).toBe(1);
    expect(sim.stats()).toMatchObject({ rejected: { unknown: 0, expired: 0, reused: 0 } });
  });
});

describe('<flinks-connect> with an OAuth bank whose sign-in opens a pop-up', () => {
  const popupsBlocked = async (): Promise<number> =>
    (await log()).filter((entry) => entry.via === 'flinks-popup-blocked').length;

  /** Opens `path`, marks the iframe element (`window.firstFrame`), picks the OAuth bank and continues to it. */
  async function continueToOAuthBank(path: string, bank: string, action: string): Promise<void> {
    await page.goto(`${host.origin}${path}`);
    await waitForStep('APP_MOUNTED');
    // Marks this iframe element: a recreated or re-inserted one would reload Connect.
    await page.evaluate(() => {
      window.firstFrame = document.querySelector('flinks-connect iframe')!;
    });
    await frame().getByRole('button', { name: bank }).click();
    await frame().getByRole('button', { name: action }).click();
  }
  const sameFrame = (): Promise<boolean> =>
    page.evaluate(
      () =>
        document.querySelectorAll('iframe').length === 1 &&
        document.querySelector('flinks-connect iframe') === window.firstFrame,
    );

  it('opens it after the click, with no notice', async () => {
    const popup = context.waitForEvent('page');
    await continueToOAuthBank('/oauth', 'Maple OAuth Bank', 'Continue to Maple OAuth Bank');
    await popup;
    await waitForStep('POPUP_OPENED');
    expect(await popupsBlocked()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await sameFrame()).toBe(true);
  });

  it('shows the dismissible notice before the same iframe and dispatches flinks-popup-blocked when it is blocked', async () => {
    sim.setFaults({ blockPopups: true });
    await continueToOAuthBank('/oauth', 'Maple OAuth Bank', 'Continue to Maple OAuth Bank');
    const notice = page.getByRole('alert');
    await expect
      .poll(() => notice.textContent(), eventually)
      .toBe('Your bank’s window was blocked. Allow pop-ups for this page and try again.');
    expect(await popupsBlocked()).toBe(1);
    expect(
      await page.evaluate(
        () => document.querySelector('flinks-connect > div + iframe') === window.firstFrame,
      ),
    ).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);

    // Blocked again: the notice is back, and the frame never moved.
    await frame().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => notice.count(), eventually).toBe(1);
    expect(await popupsBlocked()).toBe(2);
    // The page reads the fault when it loads, so this one still blocks: Connect's POPUP_OPENED, by hand.
    await frame()
      .locator('body')
      .evaluate(() => window.parent.postMessage({ step: 'POPUP_OPENED', institution: 'FlinksOAuth' }, '*'));
    await expect.poll(() => notice.count(), eventually).toBe(0);
    expect(await sameFrame()).toBe(true);
    // One load of one token: a moved iframe would have loaded Connect again.
    expect(host.tokenRequests).toBe(1);
    expect(sim.loadsOf(tokenOf((await iframeSrcs())[0]!))).toBe(1);
  });

  it('says it in French with language="fr"', async () => {
    sim.setFaults({ blockPopups: true });
    await continueToOAuthBank('/oauth-fr', 'Banque OAuth Érable', 'Continuer vers Banque OAuth Érable');
    await expect
      .poll(() => page.getByRole('alert').textContent(), eventually)
      .toBe(
        'La fenêtre de votre banque a été bloquée. Autorisez les fenêtres contextuelles pour cette page et réessayez.',
      );
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await sameFrame()).toBe(true);
  });
});

describe('mountFlinksConnect on a plain HTML page', () => {
  it('shows an alert with a retry button when the token endpoint fails, loads a fresh token on retry, and destroy() leaves nothing', async () => {
    sim.setFaults({ failNextTokenRequests: 1 });
    await page.goto(`${host.origin}/mount`);
    const bank = page.locator('#bank');
    await expect
      .poll(() => bank.getByRole('alert').textContent(), eventually)
      .toBe('Your bank connection could not be loaded.');
    expect((await log()).filter((entry) => entry.via === 'onError')).toEqual([
      { via: 'onError', detail: 'token_fetch_failed' },
    ]);
    expect(await iframeSrcs()).toEqual([]);
    expect(host.failures).toEqual([expect.objectContaining({ name: 'FlinksApiError' })]);

    await bank.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(
        async () => (await log()).some((entry) => (entry.detail as { step?: string }).step === 'APP_MOUNTED'),
        eventually,
      )
      .toBe(true);
    expect(await bank.getByRole('alert').count()).toBe(0);
    const [src] = await iframeSrcs();
    const token = tokenOf(src!);
    expect(token).toMatch(GUID);
    expect(src!.split(token)).toHaveLength(2);
    expect(sim.loadsOf(token)).toBe(1);
    expect(host.tokenRequests).toBe(2);

    await page.evaluate(() => window.mounted.destroy());
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await page.evaluate(() => document.getElementById('bank')!.childNodes.length)).toBe(0);
  });
});

declare global {
  interface Window {
    record: { log: Entry[]; tokenRequests: number; aborted: number };
    live: { listeners: { on: string; type: string }[]; timers: Set<number> };
    messagesReceived: number;
    connect: FlinksConnectElement;
    mounted: FlinksConnectMount;
    firstFrame: HTMLIFrameElement;
  }
}
