import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { startFlinksSimulator, type FlinksSimulator } from '@flinks-embed/simulator';
import { SANDBOX_BANK_LOGIN, sandboxBank } from '@flinks-embed/simulator/playwright';
import { startHostApp, type HostApp } from '@flinks-embed/test-support/host-app';
import { startFixtureHost } from './fixture-host';

/**
 * The result must never be lost. Connect posts ACCOUNT_SELECTED and REDIRECT and navigates its own
 * frame to redirectUrl at once; on a host page whose handlers are slow, Chromium dispatches the
 * REDIRECT after the frame has gone, with `event.source === null`. These flows run the built
 * package in a host page whose every event handler blocks 150-500 ms.
 */

const eventually = { timeout: 20_000, interval: 100 } as const;

const LANDING_HTML = '<!doctype html><html lang="en"><title>Linked</title><p>Back in the app.</p></html>';

let browser: Browser;
let sim: FlinksSimulator;
let host: HostApp;
let thirdSite: HostApp;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  sim = await startFlinksSimulator({ port: 0 });
  const { executablePath, args } = inject('chromium');
  // Three sites: the host (localhost), the simulator (127.0.0.1) and a third one (127.0.0.2), so
  // each frame navigation crosses processes, as it does between an app and Flinks.
  [browser, host, thirdSite] = await Promise.all([
    chromium.launch({ executablePath, args }),
    // The package as it ships (its dist), in React's development build, StrictMode on.
    startFixtureHost('busy-host', sim),
    startHostApp({ address: '127.0.0.2', hostname: '127.0.0.2' }),
  ]);
  host.page('/done', LANDING_HTML);
  thirdSite.page('/done', LANDING_HTML);
});

afterAll(async () => {
  // How often the lost-message case really happened in these flows: a figure, not a pass mark.
  console.log(
    `redirect.e2e: ${orphans} Connect messages arrived after their frame had navigated away; ` +
      `refused and reported: ${JSON.stringify(refusals)}`,
  );
  await Promise.all([browser?.close(), sim?.close(), host?.close(), thirdSite?.close()]);
});

let orphans = 0;
const refusals: string[] = [];
afterEach(async () => {
  orphans += await page.evaluate(() => window.orphans);
  await context?.close();
  expect(pageErrors).toEqual([]);
});

type Landing = 'same-origin' | 'third-site';

async function openHost(
  instances: number,
  landing: Landing | 'none',
  query: Record<string, string> = {},
): Promise<void> {
  context = await browser.newContext({ viewport: { width: 1200, height: 1600 } });
  page = await context.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const url = new URL(host.origin);
  url.searchParams.set('connectUrl', sim.connectUrl);
  url.searchParams.set('instances', String(instances));
  if (landing !== 'none')
    url.searchParams.set('landing', landing === 'third-site' ? thirdSite.origin : 'same-origin');
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  await page.goto(url.href);
}

/** The sandbox bank, up to the account list: the last click (Continue) is the caller's. */
async function toAccounts(instance: number): Promise<() => Promise<void>> {
  const bank = sandboxBank(page, { iframe: `iframe[title="Connect ${instance}"]` });
  await bank.chooseInstitution();
  await bank.signIn({ username: SANDBOX_BANK_LOGIN.usernameWithoutMfa });
  await bank.frame.getByRole('radio', { name: /Chequing/ }).check();
  return () => bank.frame.getByRole('button', { name: 'Continue' }).click();
}

/** What Connect put in the URL its frame landed on: the truth to compare the result with. */
async function landed(instance: number): Promise<{ loginId: string; requestId: string }> {
  let query = new URLSearchParams();
  await expect
    .poll(async () => {
      const element = await page.$(`iframe[title="Connect ${instance}"]`);
      const url = new URL((await element?.contentFrame())?.url() ?? 'about:blank');
      query = url.searchParams;
      return url.pathname === '/done' && query.get('instance') === String(instance);
    }, eventually)
    .toBe(true);
  const [loginId, requestId] = [query.get('loginId'), query.get('requestId')];
  expect(loginId).toMatch(/^[0-9a-f-]{36}$/);
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  return { loginId: loginId!, requestId: requestId! };
}

type HostResult = { instance: number; details: { loginId: string; requestId?: string } };
const results = (): Promise<HostResult[]> => page.evaluate(() => window.results);
const refused = (): Promise<{ instance: number; reason: string }[]> => page.evaluate(() => window.refused);

describe('the result of a Connect flow on a busy host page', () => {
  it.each([
    ...Array.from({ length: 20 }, (_, i) => ['third-site', i + 1] as const),
    ...Array.from({ length: 10 }, (_, i) => ['same-origin', i + 1] as const),
  ])(
    'reaches onRedirect with the right loginId (redirectUrl on a %s page, flow %i of its kind)',
    async (landing) => {
      await openHost(1, landing);
      const finish = await toAccounts(0);
      await finish();
      const truth = await landed(0);
      await expect.poll(results, eventually).toHaveLength(1);
      expect(await results()).toEqual([
        { instance: 0, details: expect.objectContaining({ ...truth, institution: 'FlinksCapital' }) },
      ]);
      // The page settles: the late message (if any) did not give a second result.
      await page.waitForTimeout(300);
      expect(await results()).toHaveLength(1);
      refusals.push(...(await refused()).map(({ reason }) => reason));
    },
  );

  it.each([1, 2, 3])(
    'gives two instances finishing together each exactly its own result (round %i)',
    async () => {
      await openHost(2, 'same-origin');
      const finishers = [await toAccounts(0), await toAccounts(1)];
      await Promise.all(finishers.map((finish) => finish()));
      const truth = [await landed(0), await landed(1)];
      expect(truth[0]!.requestId).not.toBe(truth[1]!.requestId);
      await expect.poll(results, eventually).toHaveLength(2);
      await page.waitForTimeout(300);
      const got = await results();
      expect(got).toHaveLength(2);
      for (const instance of [0, 1]) {
        const mine = got.filter((r) => r.instance === instance).map(({ details }) => details);
        expect(mine).toEqual([expect.objectContaining(truth[instance])]);
      }
      // A message that could have been either one's is reported, never guessed.
      const reasons = (await refused()).map(({ reason }) => reason);
      refusals.push(...reasons);
      for (const reason of reasons) expect(reason).toBe('ambiguous_source');
    },
  );
});

describe('the simulator faults these paths are tested with', () => {
  afterEach(() => sim.setFaults({ connectPageSilent: false, navigateFrameOnRedirect: false }));

  it('a Connect page that never posts APP_MOUNTED: iframe_load_timeout and a retry that works', async () => {
    sim.setFaults({ connectPageSilent: true });
    await openHost(1, 'none', { loadTimeoutMs: '1500' });
    await expect.poll(() => page.evaluate(() => window.errors), eventually).toEqual(['iframe_load_timeout']);
    const retry = page.getByRole('button', { name: 'Try again' });
    await retry.waitFor(eventually);
    sim.setFaults({ connectPageSilent: false });
    await retry.click();
    await expect.poll(() => page.evaluate(() => window.steps[0]), eventually).toContain('APP_MOUNTED');
    expect(await page.evaluate(() => window.errors)).toEqual(['iframe_load_timeout']);
  });

  it('a Connect page that navigates its own frame at once after REDIRECT, without innerRedirect', async () => {
    sim.setFaults({ navigateFrameOnRedirect: true });
    await openHost(1, 'none');
    const finish = await toAccounts(0);
    await finish();
    let landedAt = new URL('about:blank');
    await expect
      .poll(async () => {
        const element = await page.$('iframe[title="Connect 0"]');
        landedAt = new URL((await element?.contentFrame())?.url() ?? 'about:blank');
        return landedAt.pathname;
      }, eventually)
      .toBe('/redirect');
    await expect.poll(results, eventually).toHaveLength(1);
    expect((await results())[0]!.details).toMatchObject({
      loginId: landedAt.searchParams.get('loginId'),
      requestId: landedAt.searchParams.get('requestId'),
    });
  });
});
