import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { renderStaticConnectPage, startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { sandboxBank, sandboxHappyPath } from '../src/playwright';
import { events, openConnect, received, sequence, serveHostApp, serveHtml } from './host-page';
import type { StaticServer } from './host-page';
import { GUID } from './support';

// The static Connect page (Storybook's), embedded cross-origin like the served one; a simulator
// runs beside it only to show that the page never calls one.

let browser: Browser;
let sim: FlinksSimulator;
let host: StaticServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const { executablePath, args } = inject('chromium');
  [browser, sim, host] = await Promise.all([
    chromium.launch({ executablePath, args }),
    startFlinksSimulator({ port: 0 }),
    serveHostApp(),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sim?.close(), host?.close()]);
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(host.origin);
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

const frame = (): FrameLocator => page.frameLocator('#connect');
const eventually = { timeout: 10_000 };

describe('the static Connect page (no server)', () => {
  let staticSite: StaticServer;
  beforeAll(async () => {
    staticSite = await serveHtml({ '/flinks-connect/': renderStaticConnectPage() });
  });
  afterAll(() => staticSite.close());

  it('says the token is not checked, and completes the flow against the in-page sandbox bank', async () => {
    const issuedBefore = sim.stats().tokensIssued;
    await openConnect(page, `${staticSite.origin}/flinks-connect/?authorizeToken=storybook&demo=true`);

    await expect
      .poll(() => frame().getByRole('note').textContent(), eventually)
      .toBe('Static preview: the authorize token is not checked, and nothing you type leaves this page.');
    await sandboxBank(frame(), { typing: 'keys' }).linkAccount({ consent: false });
    await expect.poll(async () => (await sequence(page)).includes('REDIRECT'), eventually).toBe(true);

    expect(await sequence(page)).toEqual(sandboxHappyPath({ consent: false }));
    expect(
      (await received(page)).every(({ origin, fromFrame }) => origin === staticSite.origin && fromFrame),
    ).toBe(true);
    expect((await events(page)).at(-1)).toMatchObject({
      loginId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
    });
    expect(sim.stats().tokensIssued).toBe(issuedBefore);
  });
});
