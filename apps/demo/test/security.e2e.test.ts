import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../server/demo-server';
import { DemoPage, eventually, launchChromium } from './support';

/** What an attacker posts: a spent-token step, and a REDIRECT as an object and as a JSON string. */
const FORGED = [
  { step: 'SUBMIT_CREDENTIAL', institution: 'FlinksCapital' },
  {
    step: 'REDIRECT',
    loginId: 'forged-login',
    institution: 'EvilBank',
    accountId: 'forged-account',
    url: 'https://evil.example/done?loginId=forged-login&institution=EvilBank',
  },
  JSON.stringify({ step: 'REDIRECT', loginId: 'forged-login-json', institution: 'EvilBank' }),
];

/** A page that posts the forged messages to whichever window embeds or opened it, on load. */
const ATTACKER_HTML = `<!doctype html><title>Not Flinks</title><script>
  const target = window.opener || window.parent;
  for (const message of ${JSON.stringify(FORGED)}) target.postMessage(message, '*');
</script>`;

let browser: Browser;
let demo: DemoServer;
let attacker: Server;
let attackerOrigin: string;
let page: DemoPage;

beforeAll(async () => {
  attacker = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(ATTACKER_HTML),
  );
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerOrigin = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  [browser, demo] = await Promise.all([
    launchChromium(),
    startDemoServer({ mode: 'dev', env: {}, hotReload: false }),
  ]);
});

afterAll(async () => {
  attacker?.closeAllConnections();
  await Promise.all([
    browser?.close(),
    demo?.close(),
    new Promise((resolve) => (attacker ? attacker.close(resolve) : resolve(undefined))),
  ]);
});

afterEach(async () => {
  const { errors } = page;
  await page.close();
  expect(errors).toEqual([]);
});

describe('forged Connect messages', () => {
  it('ignores a forged REDIRECT from a third-origin frame, a third-origin window, and another window on the Connect origin', async () => {
    page = await DemoPage.open(browser, demo.url);
    const token = await page.waitForReady();
    const genuine = ['APP_MOUNTED', 'COMPONENT_LOAD_CONSENT'];
    await expect.poll(() => page.loggedSteps(), eventually).toEqual(genuine);
    expect(attackerOrigin).not.toBe(demo.simulator!.instanceUrl);

    const ignored = () => page.page.getByTestId('ignored-messages').textContent();
    // 1. A frame on a third origin, embedded in the demo page. Its three messages are counted
    // before the pop-ups open: Chromium may not load a frame in a page that has gone to the background.
    await page.page.evaluate((src) => {
      const frame = document.createElement('iframe');
      frame.src = src;
      frame.title = 'Third-party widget';
      document.body.append(frame);
    }, `${attackerOrigin}/widget`);
    await expect.poll(ignored, eventually).toBe('3');
    // 2. A window on a third origin, opened by the demo page.
    const popup = page.page.waitForEvent('popup');
    await page.page.evaluate((url) => void window.open(url, '_blank'), `${attackerOrigin}/popup`);
    const opened = await popup;
    await opened.waitForLoadState();
    await expect.poll(ignored, eventually).toBe('6');
    // 3. A window on the Connect origin itself that is not the Connect iframe: only the source check stops it.
    const sameOrigin = page.page.waitForEvent('popup');
    await page.page.evaluate((url) => void window.open(url, '_blank'), `${demo.simulator!.instanceUrl}/`);
    const impostor = await sameOrigin;
    await impostor.waitForLoadState();
    await impostor.evaluate((messages) => {
      for (const message of messages) window.opener.postMessage(message, '*');
    }, FORGED);

    // All nine arrived, and the component took none of them; it reported the three from the Connect origin.
    await expect.poll(ignored, eventually).toBe('9');
    await expect
      .poll(
        () => page.loggedNames().then((names) => names.filter((name) => name === 'Message refused').length),
        eventually,
      )
      .toBe(3);
    expect(await page.loggedSteps()).toEqual(genuine);
    expect(await page.page.getByTestId('result-empty').isVisible()).toBe(true);
    expect(await page.page.getByTestId('success-banner').count()).toBe(0);
    expect(await page.tokenStatus.getAttribute('data-phase')).toBe('ready');
    expect(await page.iframeToken()).toBe(token);

    // The genuine frame still gets through, and its result is the one shown. (The pop-ups go
    // first: a page behind them counts as a background tab, which Chromium slows down.)
    await Promise.all([opened.close(), impostor.close()]);
    await page.page.bringToFront();
    await page.signIn();
    await page.finish();
    const loginId = await page.page.getByTestId('result-loginId').locator('.breakable').textContent();
    expect(loginId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.page.getByTestId('result-institution').textContent()).toBe('FlinksCapital');
    expect(await page.page.getByTestId('ignored-messages').textContent()).toBe('9');
  });
});
