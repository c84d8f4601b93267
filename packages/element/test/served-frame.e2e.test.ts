// A server template (Rails, Django, Laravel) renders <flinks-connect> with Connect's iframe and its
// first token inside; the element adopts it when it upgrades. Chromium, against the simulator on
// a second origin.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { EARLY_MESSAGES_SCRIPT } from '@flinks-embed/core';
import { startFlinksSimulator, type FlinksSimulator } from '@flinks-embed/simulator';
import { hostPage, startHostApp, type HostApp } from './host-app';

const eventually = { timeout: 20_000, interval: 50 };

interface Record {
  log: { via: string; detail: unknown }[];
  tokenRequests: number;
}

let browser: Browser;
let sim: FlinksSimulator;
let host: HostApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const { executablePath, args } = inject('chromium');
  [browser, sim] = await Promise.all([
    chromium.launch({ executablePath, args }),
    startFlinksSimulator({ port: 0 }),
  ]);
  host = await startHostApp(sim);
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
  await context.close();
  expect(pageErrors).toEqual([]);
});

/** The page a server template renders: a token minted for it, in the iframe inside the element. */
async function servedPage(): Promise<string> {
  const { token } = (await (await fetch(`${host.origin}/api/token`, { method: 'POST' })).json()) as {
    token: string;
  };
  const src = `${sim.connectUrl}?consentEnable=false&demo=true&authorizeToken=${token}`;
  host.page(
    '/served',
    hostPage(
      `connect-url="${sim.connectUrl}" demo consent-enable="false"`,
      `<script>${EARLY_MESSAGES_SCRIPT}</script><iframe src="${src}" title="Connect your bank account" width="100%" height="760"></iframe>`,
    ),
  );
  host.resetTokenRequests();
  return token;
}

const record = (): Promise<Record> => page.evaluate(() => (window as unknown as { record: Record }).record);
const srcs = (): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('iframe')].map((iframe) => iframe.src));
const tokenOf = (src: string | undefined): string =>
  new URL(src ?? '').searchParams.get('authorizeToken') ?? '';
const steps = async (): Promise<unknown[]> =>
  (await record()).log
    .filter((entry) => entry.via === 'flinks-event')
    .map((entry) => (entry.detail as { step?: string }).step);

describe('<flinks-connect> over a server-rendered iframe', () => {
  it('adopts it: one load of its token, no token request, APP_MOUNTED heard, no error', async () => {
    const token = await servedPage();
    await page.goto(`${host.origin}/served`);
    await expect.poll(steps, eventually).toContain('APP_MOUNTED');
    await page.frameLocator('flinks-connect iframe').getByRole('heading').first().waitFor(eventually);
    expect((await srcs()).map(tokenOf)).toEqual([token]);
    expect(sim.loadsOf(token)).toBe(1);
    expect(host.tokenRequests).toBe(0);
    expect((await record()).log.filter((entry) => entry.via === 'flinks-error')).toEqual([]);
  });

  it('served twice (the same HTML), replaces the spent token once with a fresh one, with no error', async () => {
    const spent = await servedPage();
    await page.goto(`${host.origin}/served`);
    await expect.poll(steps, eventually).toContain('APP_MOUNTED');
    const again = await context.newPage();
    page = again;
    await page.goto(`${host.origin}/served`);
    await expect.poll(async () => tokenOf((await srcs())[0]), eventually).not.toBe(spent);
    const [fresh] = (await srcs()).map(tokenOf);
    await expect.poll(() => sim.loadsOf(fresh!), eventually).toBe(1);
    expect(sim.loadsOf(spent)).toBe(2);
    expect(await steps()).toContain('TOKEN_INVALID');
    expect(host.tokenRequests).toBe(1);
    expect((await record()).log.filter((entry) => entry.via === 'flinks-error')).toEqual([]);
  });
});
