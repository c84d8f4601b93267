// What the element's Chromium tests share: one Chromium, the simulator and a plain host app per
// file (its page `/` holds a <flinks-connect> on the simulator's Connect), a fresh browser context
// for every test, failed by any error on the page, and readers of what the page recorded.
// Importing it registers the hooks; `sim`, `host`, `context` and `page` are live bindings.
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { startFlinksSimulator, type FlinksSimulator } from '@flinks-embed/simulator';
import type { FlinksConnectElement } from '../src/define';
import type { FlinksConnectMount } from '../src/index';
import { hostPage, startHostApp, type HostApp } from './host-app';

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

// Generous: a two-core CI machine runs Chromium, the simulator and Vitest at once.
export const eventually = { timeout: 20_000, interval: 50 };

interface Entry {
  via: string;
  detail: unknown;
}

let browser: Browser;
export let sim: FlinksSimulator;
export let host: HostApp;
export let context: BrowserContext;
export let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const { executablePath, args } = inject('chromium');
  [browser, sim] = await Promise.all([
    chromium.launch({ executablePath, args }),
    startFlinksSimulator({ port: 0 }),
  ]);
  host = await startHostApp(sim);
  host.page('/', hostPage(`connect-url="${sim.connectUrl}" demo consent-enable="false"`));
});

afterAll(async () => {
  await Promise.all([browser?.close(), sim?.close(), host?.close()]);
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  pageErrors = [];
  host.resetTokenRequests();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await context.close();
  expect(pageErrors).toEqual([]);
});

export const frame = (): FrameLocator => page.frameLocator('flinks-connect iframe');
export const log = (): Promise<Entry[]> => page.evaluate(() => window.record.log);
export const steps = async (): Promise<string[]> =>
  (await log())
    .filter((entry) => entry.via === 'flinks-event')
    .map((entry) => (entry.detail as { step?: string }).step ?? 'flinksCode');
export const iframeSrcs = (): Promise<string[]> =>
  page.evaluate(() => [...document.querySelectorAll('iframe')].map((iframe) => iframe.src));
export const tokenOf = (src: string): string => new URL(src).searchParams.get('authorizeToken') ?? '';

/** The library's listeners on window and document, and its pending timers. */
export const leftBehind = (): Promise<{ listeners: string[]; timers: number }> =>
  page.evaluate(() => ({
    listeners: window.live.listeners.map((entry) => `${entry.on}:${entry.type}`),
    timers: window.live.timers.size,
  }));

export async function waitForStep(step: string): Promise<void> {
  await expect.poll(async () => (await steps()).includes(step), eventually).toBe(true);
}

/** Opens the page and waits until Connect has mounted; returns the iframe's token. */
export async function openLoaded(): Promise<string> {
  await page.goto(host.origin);
  await waitForStep('APP_MOUNTED');
  const [src] = await iframeSrcs();
  return tokenOf(src ?? '');
}

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
