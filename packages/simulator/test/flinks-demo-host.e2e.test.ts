import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator } from '../src/index';
import { sandboxBank } from '../src/playwright';
import { events, openConnect, sequence, serveHostApp, serveHtml } from './host-page';
import type { StaticServer } from './host-page';
import { GUID, mintToken } from './support';

/*
 * A host page written the way Flinks' own integration demo is: an iframe on Connect's v1 root
 * (`/`), and a listener that checks nothing but `e.data.step`, drives a progress bar from it, and
 * reads `loginId` out of `REDIRECT.url` with a query-string regex. Nothing in it knows the simulator.
 */
const DEMO_STYLE_HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>FinTech</title><link rel="icon" href="data:,"></head>
<body>
<div id="progress" style="width: 25%">25%</div>
<p id="title"></p>
<p id="login-id"></p>
<iframe id="flinks" title="Flinks Connect" height="760" width="480"></iframe>
<script>
  function parameter(name, url) {
    var match = new RegExp('[?&]' + name + '(=([^&#]*)|&|#|$)').exec(url);
    return match && match[2] ? decodeURIComponent(match[2].replace(/\\+/g, ' ')) : null;
  }
  var progressOf = {
    COMPONENT_LOAD_INSTITUTION_SELECTOR: 33, COMPONENT_LOAD_CREDENTIAL: 50, SUBMIT_CREDENTIAL: 60,
    COMPONENT_LOAD_MFA: 70, SUBMIT_MFA: 80, COMPONENT_LOAD_ACCOUNT_SELECTION: 90, REDIRECT: 100
  };
  function handleState(state) {
    if (progressOf[state.step]) {
      document.getElementById('progress').style.width = progressOf[state.step] + '%';
      document.getElementById('progress').textContent = progressOf[state.step] + '%';
    }
    document.getElementById('title').textContent = state.step;
    if (state.step == 'REDIRECT') {
      document.getElementById('login-id').textContent = 'Login ID = ' + parameter('loginId', state.url);
      document.getElementById('flinks').style.display = 'none';
    }
  }
  window.addEventListener('message', function (e) {
    if (e.data.step) handleState(e.data);
  });
  document.getElementById('flinks').src = new URLSearchParams(location.search).get('connect');
</script>
</body></html>`;

let browser: Browser;
let sim: FlinksSimulator;
let host: StaticServer;
let demoHost: StaticServer;
let context: BrowserContext;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  const { executablePath, args } = inject('chromium');
  [browser, sim, host, demoHost] = await Promise.all([
    chromium.launch({ executablePath, args }),
    startFlinksSimulator({ port: 0 }),
    serveHostApp(),
    serveHtml(
      { '/': DEMO_STYLE_HOST, '/thank-you': '<!doctype html><title>Thanks</title><p>Thank you</p>' },
      'localhost',
    ),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sim?.close(), host?.close(), demoHost?.close()]);
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

const eventually = { timeout: 10_000 };

describe('a host page written like Flinks’ integration demo', () => {
  it('runs on the v1 root `/` unmodified: steps drive its progress bar, and it reads loginId from REDIRECT.url', async () => {
    const token = await mintToken(sim);
    // The demo's own parameters, with the simulator's origin and a token (mandatory since October 2024).
    const connect = new URL('/', sim.instanceUrl);
    for (const [name, value] of Object.entries({
      authorizeToken: token,
      theme: 'light',
      customerName: 'FinTech',
      redirectUrl: `${demoHost.origin}/thank-you`,
      consentEnable: 'true',
      innerRedirect: 'true',
      backgroundColor: 'f7f7f7',
      foregroundColor1: '000',
      desktopLayout: 'true',
      headerEnable: 'false',
      institutionFilterEnable: 'true',
      demo: 'true',
    }))
      connect.searchParams.set(name, value);
    await page.goto(`${demoHost.origin}/?connect=${encodeURIComponent(connect.href)}`);

    const progress = page.locator('#progress');
    const bank = sandboxBank(page.frameLocator('#flinks'));
    await bank.acceptConsent();
    await expect.poll(() => progress.textContent(), eventually).toBe('33%');
    await bank.chooseInstitution();
    await bank.signIn();
    await expect.poll(() => progress.textContent(), eventually).toBe('70%');
    await bank.answerSecurityQuestion();
    await bank.chooseAccount();

    await expect.poll(() => page.locator('#login-id').textContent(), eventually).toMatch(/^Login ID = /);
    const shown = (await page.locator('#login-id').textContent())!.replace('Login ID = ', '');
    expect(shown).toMatch(GUID);
    expect(await progress.textContent()).toBe('100%');
    expect(sim.loadsOf(token)).toBe(1);
  });
});

describe('deep links and retries, as Flinks serves them', () => {
  beforeEach(async () => {
    await page.goto(host.origin);
  });

  it('opens /v2/Credential/National at National Bank’s sign-in, by Flinks’ institution id', async () => {
    const token = await mintToken(sim);
    await openConnect(page, `${sim.instanceUrl}/v2/Credential/National?authorizeToken=${token}`);
    const frame = page.frameLocator('#connect');
    await frame.getByRole('heading', { name: /National Bank/ }).waitFor(eventually);
    await sandboxBank(frame).signIn({ username: 'greatday_nomfa' });
    await frame.getByRole('radio').first().waitFor(eventually);

    const posted = await events(page);
    expect(posted.map((event) => event.step)).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CREDENTIAL',
      'SUBMIT_CREDENTIAL',
      'COMPONENT_LOAD_ACCOUNT_SELECTION',
    ]);
    expect(posted[1]).toMatchObject({ institution: 'National' });
  });

  it('matches a deep link’s institution without regard to case, after consent', async () => {
    const token = await mintToken(sim);
    await openConnect(
      page,
      `${sim.instanceUrl}/Credential/flinkscapital/?authorizeToken=${token}&demo=true&consentEnable=true`,
    );
    const frame = page.frameLocator('#connect');
    await sandboxBank(frame).acceptConsent();
    await frame.getByRole('heading', { name: /Flinks Capital/ }).waitFor(eventually);
    expect(await sequence(page)).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CONSENT',
      'COMPONENT_ACCEPT_CONSENT',
      'COMPONENT_LOAD_CREDENTIAL',
    ]);
  });

  it('puts institution on the _RETRY events, and ends the session at maximumRetry with MAXIMUM_RETRY_REACHED', async () => {
    const token = await mintToken(sim);
    await openConnect(page, `${sim.connectUrl}?authorizeToken=${token}&demo=true&maximumRetry=2`);
    const frame = page.frameLocator('#connect');
    const bank = sandboxBank(frame);
    await bank.chooseInstitution();
    await bank.signIn({ password: 'wrong' });
    await frame.getByRole('button', { name: bank.labels.tryAgain }).click(eventually);
    await bank.signIn({ password: 'still wrong' });
    await frame.getByText('Too many attempts failed.').waitFor(eventually);

    expect(await frame.getByRole('button', { name: bank.labels.tryAgain }).count()).toBe(0);
    const posted = await events(page);
    const afterLogin = posted.slice(posted.findIndex((event) => event.step === 'SUBMIT_CREDENTIAL'));
    expect(afterLogin).toEqual([
      { step: 'SUBMIT_CREDENTIAL', institution: 'FlinksCapital' },
      expect.objectContaining({ flinksCode: 'INVALID_LOGIN', institution: 'FlinksCapital' }),
      { step: 'COMPONENT_LOAD_CREDENTIAL_RETRY', institution: 'FlinksCapital' },
      { step: 'SUBMIT_CREDENTIAL', institution: 'FlinksCapital' },
      expect.objectContaining({ flinksCode: 'INVALID_LOGIN', institution: 'FlinksCapital' }),
      { step: 'MAXIMUM_RETRY_REACHED', institution: 'FlinksCapital' },
    ]);
  });
});
