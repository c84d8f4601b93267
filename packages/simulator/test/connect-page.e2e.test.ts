import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { SANDBOX_ACCOUNTS, startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { sandboxBank, sandboxHappyPath, type SandboxBank } from '../src/playwright';
import { events, openConnect, received, sequence, serveHostApp } from './host-page';
import type { StaticServer } from './host-page';
import { GUID, mintToken } from './support';

const HAPPY_PATH = sandboxHappyPath({ consent: false });

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

function connectSrc(token: string, params: Record<string, string> = {}): string {
  const url = new URL(sim.connectUrl);
  url.searchParams.set('authorizeToken', token);
  url.searchParams.set('demo', 'true');
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

const frame = (): FrameLocator => page.frameLocator('#connect');
/** The sandbox bank in the frame, typed key by key. */
const bank = (): SandboxBank => sandboxBank(frame(), { typing: 'keys' });

// Generous: a two-core CI machine runs Chromium, the simulator and Vitest at once.
const eventually = { timeout: 10_000 };

async function waitForStep(step: string, count = 1): Promise<void> {
  await expect
    .poll(async () => (await sequence(page)).filter((name) => name === step).length, eventually)
    .toBeGreaterThanOrEqual(count);
}

describe('the Connect page, embedded cross-origin', () => {
  it('walks the happy path by clicking and typing and posts the exact Flinks step sequence to the host', async () => {
    const token = await mintToken(sim);
    await openConnect(page, connectSrc(token, { consentEnable: 'false' }));

    await bank().linkAccount({ consent: false, account: /Chequing/ });
    await waitForStep('REDIRECT');

    expect(await sequence(page)).toEqual(HAPPY_PATH);
    const messages = await received(page);
    expect(messages.every(({ origin }) => origin === sim.instanceUrl)).toBe(true);
    expect(new URL(host.origin).origin).not.toBe(sim.instanceUrl);
    expect(messages.every(({ fromFrame }) => fromFrame)).toBe(true);

    const all = await events(page);
    expect(all[2]).toEqual({ step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' });
    expect(all[5]).toEqual({
      step: 'COMPONENT_LOAD_MFA',
      mfaTypes: ['QuestionAndAnswer'],
      institution: 'FlinksCapital',
    });
    expect(all[7]).toEqual({
      step: 'COMPONENT_LOAD_ACCOUNT_SELECTION',
      totalAccounts: 3,
      displayedAccounts: 3,
    });
    const redirect = all[9] as Record<string, string>;
    expect(redirect).toEqual({
      step: 'REDIRECT',
      loginId: expect.stringMatching(GUID),
      requestId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
      accountId: SANDBOX_ACCOUNTS[0]?.id,
      url: expect.any(String),
    });
    const url = new URL(redirect.url ?? '');
    expect(url.origin + url.pathname).toBe(`${sim.instanceUrl}/redirect`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      loginId: redirect.loginId,
      institution: 'FlinksCapital',
      requestId: redirect.requestId,
      accountId: redirect.accountId,
    });
    await expect
      .poll(() => frame().getByRole('heading').textContent(), eventually)
      .toBe('Your account is connected');

    expect(sim.loadsOf(token)).toBe(1);
    expect(sim.stats()).toMatchObject({
      redeemed: 1,
      rejected: { badSecret: 0, unknown: 0, expired: 0, reused: 0 },
    });
  });

  it('is usable with the keyboard alone, in French, through consent and a failed login', async () => {
    const token = await mintToken(sim);
    await openConnect(page, connectSrc(token, { consentEnable: 'true', language: 'fr' }));
    await waitForStep('COMPONENT_LOAD_CONSENT');
    const keyboard = page.keyboard;

    await keyboard.press('Tab'); // into the frame: "Continuer"
    // Focus crosses into the (cross-site, out-of-process) frame asynchronously: wait for it.
    const accept = frame().getByRole('button', { name: 'Continuer' });
    await expect.poll(() => accept.evaluate((el) => el === document.activeElement), eventually).toBe(true);
    await keyboard.press('Enter');
    await expect
      .poll(() => frame().getByRole('heading').textContent(), eventually)
      .toBe('Sélectionnez votre institution');
    await keyboard.press('Tab'); // search
    await keyboard.press('Tab'); // Flinks Capital
    await keyboard.press('Enter');
    const username = frame().getByLabel('Nom d’utilisateur');
    await expect.poll(() => username.evaluate((el) => el === document.activeElement), eventually).toBe(true);
    await keyboard.type('Greatday');
    await keyboard.press('Tab');
    await keyboard.type('wrong password');
    await keyboard.press('Enter');

    await expect
      .poll(() => frame().getByRole('alert').textContent(), eventually)
      .toBe('Le nom d’utilisateur ou le mot de passe est incorrect.');
    await keyboard.press('Tab'); // "Réessayer"
    await keyboard.press('Enter');
    await keyboard.press('Control+A');
    await keyboard.type('greatday_nomfa');
    await keyboard.press('Tab');
    await keyboard.type('Everyday');
    await keyboard.press('Enter');
    await waitForStep('COMPONENT_LOAD_ACCOUNT_SELECTION');
    await keyboard.press('ArrowDown'); // radio group: second account
    await keyboard.press('Tab'); // "Continuer"
    await keyboard.press('Enter');
    await waitForStep('REDIRECT');

    expect(await sequence(page)).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CONSENT',
      'COMPONENT_ACCEPT_CONSENT',
      'COMPONENT_LOAD_INSTITUTION_SELECTOR',
      'INSTITUTION_SELECTED',
      'COMPONENT_LOAD_CREDENTIAL',
      'SUBMIT_CREDENTIAL',
      'flinksCode:INVALID_LOGIN',
      'COMPONENT_LOAD_CREDENTIAL_RETRY',
      'SUBMIT_CREDENTIAL',
      'COMPONENT_LOAD_ACCOUNT_SELECTION',
      'ACCOUNT_SELECTED',
      'REDIRECT',
    ]);
    const all = await events(page);
    expect(all[7]).toEqual({
      flinksCode: 'INVALID_LOGIN',
      requestId: expect.stringMatching(GUID),
      institution: 'FlinksCapital',
    });
    expect(all[11]).toMatchObject({ accountId: SANDBOX_ACCOUNTS[1]?.id });
    expect(await frame().locator('html').getAttribute('lang')).toBe('fr');
    expect(sim.loadsOf(token)).toBe(1);
  });

  it('refuses a second load of the same token with an error screen and TOKEN_INVALID after APP_MOUNTED', async () => {
    const token = await mintToken(sim);
    await openConnect(page, connectSrc(token));
    await waitForStep('COMPONENT_LOAD_INSTITUTION_SELECTOR');

    await openConnect(page, connectSrc(token));
    await waitForStep('TOKEN_INVALID');

    expect(await sequence(page)).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_INSTITUTION_SELECTOR',
      'APP_MOUNTED',
      'TOKEN_INVALID',
    ]);
    await expect
      .poll(() => frame().getByRole('heading').textContent(), eventually)
      .toBe('This session was already used');
    expect(
      await frame()
        .getByRole('button', { name: /Flinks Capital/ })
        .count(),
    ).toBe(0);
    expect(sim.loadsOf(token)).toBe(2);
  });

  it('applies stringify, theme and colours, posts the close event, and redirects inside the frame', async () => {
    const token = await mintToken(sim);
    await openConnect(
      page,
      connectSrc(token, {
        stringify: 'true',
        theme: 'dark',
        backgroundColor: '102030',
        foregroundColor1: 'ff0000',
        closeEnable: 'true',
        tag: 'order-42',
        redirectUrl: `${host.origin}/done?from=flinks`,
        innerRedirect: 'true',
      }),
    );

    await frame().getByRole('button', { name: 'Close' }).click();
    await waitForStep('COMPONENT_CLOSE_SESSION');
    const html = frame().locator('html');
    expect(await html.getAttribute('data-theme')).toBe('dark');
    expect(
      await frame()
        .locator('body')
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe('rgb(16, 32, 48)');

    await bank().chooseInstitution();
    const submit = frame().getByRole('button', { name: 'Continue' });
    expect(await submit.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 0, 0)');
    await bank().signIn({ username: 'greatday_nomfa' });
    await bank().chooseAccount();
    await waitForStep('REDIRECT');

    expect((await received(page)).every(({ data }) => typeof data === 'string')).toBe(true);
    const redirect = (await events(page)).at(-1) as Record<string, string>;
    expect(redirect.tag).toBe('order-42');
    const url = new URL(redirect.url ?? '');
    expect(url.origin + url.pathname).toBe(`${host.origin}/done`);
    expect(url.searchParams.get('from')).toBe('flinks');
    expect(url.searchParams.get('tag')).toBe('order-42');
    expect(url.searchParams.get('loginId')).toBe(redirect.loginId);
    await expect.poll(() => page.frame({ url: /\/done\?/ })?.url(), eventually).toBe(redirect.url);
    expect(page.url()).toBe(`${host.origin}/`);
  });

  it('survives a blocked top-window redirect in a sandboxed frame: the host keeps the REDIRECT event', async () => {
    const token = await mintToken(sim);
    await openConnect(
      page,
      connectSrc(token, { redirectUrl: `${host.origin}/done` }),
      'allow-scripts allow-same-origin allow-forms',
    );

    await bank().linkAccount({ consent: false, username: 'greatday_nomfa' });
    await waitForStep('REDIRECT');

    await expect
      .poll(() => frame().getByRole('heading').textContent(), eventually)
      .toBe('Your account is connected');
    expect(page.url()).toBe(`${host.origin}/`);
  });
});
