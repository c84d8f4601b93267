// <FlinksConnect> as it ships (its dist), in Chromium, against the simulator on a second origin:
// the fast failure when Connect cannot load, the status an app is told, and an OAuth bank's pop-up.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startFlinksSimulator, type FlinksSimulator } from '@flinks-embed/simulator';
import { SANDBOX_BANK_LOGIN, sandboxBank } from '@flinks-embed/simulator/playwright';
import type { HostApp } from '@flinks-embed/test-support/host-app';
import { startFixtureHost } from './fixture-host';

// Generous: a two-core CI machine runs Chromium, the simulator and Vitest at once.
const eventually = { timeout: 20_000, interval: 50 } as const;

let browser: Browser;
let sim: FlinksSimulator;
let host: HostApp;
let hostOrigin: string;
/** A loopback port nothing listens on: Connect "unreachable". */
let closedPort: number;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

const listen = async (server: Server): Promise<number> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
  host = await startFixtureHost('status-host', sim);
  hostOrigin = host.origin;
  const probe = createServer();
  closedPort = await listen(probe);
  await new Promise((resolve) => probe.close(resolve));
  const { executablePath, args } = inject('chromium');
  browser = await chromium.launch({ executablePath, args });
});

afterAll(async () => {
  await Promise.all([browser?.close(), sim?.close(), host?.close()]);
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  sim.setFaults({
    connectPageSilent: false,
    blockPopups: false,
    tokenLatencyMs: 0,
    failNextTokenRequests: 0,
  });
  await context.close();
  expect(pageErrors).toEqual([]);
});

async function open(query: Record<string, string>): Promise<void> {
  const url = new URL(hostOrigin);
  for (const [name, value] of Object.entries({ connectUrl: sim.connectUrl, ...query }))
    url.searchParams.set(name, value);
  await page.goto(url.href);
}

const record = () => page.evaluate(() => window.record);

describe('when Connect cannot load', () => {
  // loadTimeoutMs is far beyond the poll's own limit: an error seen in time came from the grace
  // after the frame's load event, not from the outer watchdog.
  const slowWatchdog = { loadTimeoutMs: '120000', mountTimeoutMs: '1500' };

  it('fails fast with iframe_load_timeout when the Connect origin is unreachable (the browser error page loads)', async () => {
    await open({ ...slowWatchdog, connectUrl: `http://127.0.0.1:${closedPort}/v2/` });
    await expect.poll(async () => (await record()).errors, eventually).toHaveLength(1);
    const [error] = (await record()).errors;
    expect(error!.code).toBe('iframe_load_timeout');
    expect(error!.message).toContain('mountTimeoutMs');
    expect(await page.getByRole('alert').textContent()).toBe('Your bank connection could not be loaded.');
    expect(await page.locator('iframe').count()).toBe(0);
    expect((await record()).statuses.at(-1)).toMatchObject({ status: 'error', mounted: false });
  });

  it("names CSP frame-src when the host page's Content-Security-Policy blocks the frame", async () => {
    // The same app, on a page whose policy allows frames from its own origin only.
    host.page(
      '/csp',
      `<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy" content="frame-src 'self'"></head>` +
        '<title>Host</title><div id="root"></div><script type="module" src="/app.js"></script></html>',
    );
    const url = new URL('/csp', hostOrigin);
    for (const [name, value] of Object.entries({ connectUrl: sim.connectUrl, ...slowWatchdog }))
      url.searchParams.set(name, value);
    await page.goto(url.href);
    await expect.poll(async () => (await record()).errors, eventually).toHaveLength(1);
    const [error] = (await record()).errors;
    expect(error!.code).toBe('iframe_load_timeout');
    expect(error!.message).toMatch(/Content-Security-Policy frame-src/);
  });

  it('fails fast when the Connect page loads but never posts', async () => {
    sim.setFaults({ connectPageSilent: true });
    await open(slowWatchdog);
    await expect.poll(async () => (await record()).errors, eventually).toHaveLength(1);
    expect((await record()).errors[0]!.code).toBe('iframe_load_timeout');
    expect((await record()).steps).toEqual([]);
    // Retry, now that Connect answers: a fresh token, and Connect mounts.
    sim.setFaults({ connectPageSilent: false, blockPopups: false });
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(async () => (await record()).steps, eventually).toContain('APP_MOUNTED');
  });
});

describe('onStatusChange', () => {
  it('tells the app the status, mounted, used and the token times, never the token', async () => {
    // A short grace, to show that a Connect that mounted is never failed by it.
    await open({ mountTimeoutMs: '300' });
    await expect.poll(async () => (await record()).steps, eventually).toContain('APP_MOUNTED');
    const bank = sandboxBank(page.frameLocator('iframe'));
    await bank.chooseInstitution();
    await bank.signIn({ username: SANDBOX_BANK_LOGIN.usernameWithoutMfa });
    await expect
      .poll(async () => (await record()).statuses.at(-1), eventually)
      .toMatchObject({ status: 'ready', mounted: true, used: true, refreshAt: null });
    const { statuses } = await record();
    const ready = statuses.find((status) => status.status === 'ready')!;
    // expiresIn 1800 s: 30 minutes from the request, replaced a minute before if unused.
    expect(ready.refreshAt).toBe(ready.expiresAt! - 60_000);
    expect(ready.expiresAt! - Date.now()).toBeGreaterThan(25 * 60_000);
    const token = new URL((await page.locator('iframe').getAttribute('src'))!).searchParams.get(
      'authorizeToken',
    )!;
    expect(JSON.stringify(statuses)).not.toContain(token);
    expect((await record()).errors).toEqual([]);
    expect(statuses.map(({ status, mounted, used }) => [status, mounted, used])).toEqual([
      ['loading', false, false],
      ['ready', false, false],
      ['ready', true, false],
      ['ready', true, true],
    ]);
  });
});

describe('an OAuth bank whose sign-in opens a pop-up', () => {
  const toOutboundBank = async (name = 'Maple OAuth Bank') => {
    await expect.poll(async () => (await record()).steps, eventually).toContain('APP_MOUNTED');
    await page.frameLocator('iframe').getByRole('button', { name }).click();
  };

  it('opens it after the click, and the flow finishes in the same frame, with no notice', async () => {
    await open({ outbound: '1' });
    await toOutboundBank();
    const frame = page.frameLocator('iframe');
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      frame.getByRole('button', { name: 'Continue to Maple OAuth Bank' }).click(),
    ]);
    await expect.poll(async () => (await record()).steps, eventually).toContain('POPUP_OPENED');
    // Spent: the user is signing in in the pop-up, the frame is never reloaded for expiry.
    await expect
      .poll(async () => (await record()).statuses.at(-1), eventually)
      .toMatchObject({ used: true, refreshAt: null });
    await popup.getByRole('button', { name: 'Authorize' }).click();
    await frame.getByRole('radio', { name: /Chequing/ }).check();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(async () => (await record()).steps, eventually).toContain('REDIRECT');
    expect((await record()).popupsBlocked).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  it('shows the dismissible notice and calls onPopupBlocked when the pop-up is blocked, and clears it once one opens', async () => {
    sim.setFaults({ blockPopups: true });
    await open({ outbound: '1' });
    await toOutboundBank();
    const frame = page.frameLocator('iframe');
    await frame.getByRole('button', { name: 'Continue to Maple OAuth Bank' }).click();
    const notice = page.getByRole('alert');
    await expect
      .poll(() => notice.textContent(), eventually)
      .toBe('Your bank’s window was blocked. Allow pop-ups for this page and try again.');
    expect((await record()).steps).toContain('POPUP_BLOCKED');
    expect((await record()).popupsBlocked).toBe(1);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
    // Blocked again: the notice is back.
    await frame.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => notice.count(), eventually).toBe(1);
    expect((await record()).popupsBlocked).toBe(2);
    // The user allows pop-ups and tries again: it opens, and the notice goes.
    sim.setFaults({ blockPopups: false });
    // (The fault is read by the page when it loads: this page still blocks, so open one by hand.)
    await page
      .frameLocator('iframe')
      .locator('body')
      .evaluate(() => window.parent.postMessage({ step: 'POPUP_OPENED', institution: 'FlinksOAuth' }, '*'));
    await expect.poll(() => notice.count(), eventually).toBe(0);
    // One frame, one token, all along.
    expect(await page.locator('iframe').count()).toBe(1);
  });

  it('says it in French for language: fr', async () => {
    sim.setFaults({ blockPopups: true });
    await open({ outbound: '1', language: 'fr' });
    await toOutboundBank('Banque OAuth Érable');
    await page
      .frameLocator('iframe')
      .getByRole('button', { name: 'Continuer vers Banque OAuth Érable' })
      .click();
    await expect
      .poll(() => page.getByRole('alert').textContent(), eventually)
      .toBe(
        'La fenêtre de votre banque a été bloquée. Autorisez les fenêtres contextuelles pour cette page et réessayez.',
      );
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});

describe('focus after a keyboard "Try again"', () => {
  /** What has the focus: its tag, its role and its text. */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement!;
      return `${element.tagName} ${element.getAttribute('role') ?? ''} ${element.textContent?.trim() ?? ''}`.trim();
    });

  it('goes to the loading line, to the new Try again after a second failure, then to the iframe', async () => {
    sim.setFaults({ failNextTokenRequests: 2 });
    await open({});
    await expect.poll(async () => (await record()).errors.length, eventually).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON  Try again');
    await page.keyboard.press('Enter');
    // The second failure: its own button has the focus, not <body>.
    await expect.poll(async () => (await record()).errors.length, eventually).toBe(2);
    await expect.poll(focused, eventually).toBe('BUTTON  Try again');
    // The token now takes a while: the loading line holds the focus, then the iframe takes it.
    sim.setFaults({ tokenLatencyMs: 1_000 });
    await page.keyboard.press('Enter');
    await expect.poll(focused, eventually).toBe('P status Loading your bank connection…');
    await expect.poll(focused, eventually).toBe('IFRAME');
    expect(await page.locator('iframe').count()).toBe(1);
  });
});
