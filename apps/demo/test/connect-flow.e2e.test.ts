import { SANDBOX_ACCOUNTS } from '@flinks-embed/simulator';
import { describe, expect, it } from 'vitest';
import { DemoPage, eventually, HAPPY_PATH, demoFixture } from './support';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const env = demoFixture();

async function open(query = '', options?: Parameters<typeof DemoPage.open>[2]): Promise<DemoPage> {
  const page = await DemoPage.open(env.browser, new URL(query, env.demo.url).href, options);
  env.pages.push(page);
  return page;
}

const simulator = () => env.demo.simulator!;

describe('the demo against the simulator', () => {
  it('loads Connect cross-origin with a fresh token, and shows the loginId and the step sequence after the flow', async () => {
    const page = await open();
    await expect
      .poll(() => page.page.getByTestId('mode').getAttribute('data-mode'), eventually)
      .toBe('simulator');

    const token = await page.waitForReady();
    const src = new URL((await page.iframe.getAttribute('src'))!);
    expect(src.origin).toBe(simulator().instanceUrl);
    expect(src.origin).not.toBe(new URL(env.demo.url).origin);
    expect(src.searchParams.get('authorizeToken')).toBe(token);
    expect(simulator().loadsOf(token)).toBe(1);

    await page.signIn();
    await page.finish();

    const loginId = await page.page.getByTestId('result-loginId').locator('.breakable').textContent();
    expect(loginId).toMatch(GUID);
    expect(await page.page.getByTestId('result-institution').textContent()).toBe('FlinksCapital');
    expect(await page.page.getByTestId('result-accountId').locator('.breakable').textContent()).toBe(
      SANDBOX_ACCOUNTS[0]!.id,
    );
    expect(await page.loggedSteps()).toEqual(HAPPY_PATH);
    // The log shows the same loginId the REDIRECT event carried.
    await expect(page.page.locator('[data-name="REDIRECT"] .log-detail').textContent()).resolves.toContain(
      `loginId: ${loginId}`,
    );
    await page.page.getByTestId('success-banner').waitFor(eventually);
    expect(await page.tokenStatus.getAttribute('data-phase')).toBe('linked');
    // Connect ends on the app's own redirectUrl page, inside its frame.
    await page.frame.getByRole('heading', { name: 'Bank account connected' }).waitFor(eventually);
    expect(simulator().stats().rejected).toEqual({ badSecret: 0, unknown: 0, expired: 0, reused: 0 });
  });

  it('never loads or redeems a token twice, through the flow, remounts and a language change', async () => {
    const before = simulator().stats();
    const page = await open();
    const tokens = [await page.waitForReady()];
    await page.signIn();
    await page.finish();
    // The Review step: the server's own cached /Authorize, with a token it minted for that call.
    await page.page.getByTestId('review-account').first().waitFor(eventually);

    for (let remount = 0; remount < 2; remount += 1) {
      await page.page.getByRole('button', { name: 'Remount Connect' }).click();
      tokens.push(await page.waitForNewToken(tokens));
    }
    await page.page.getByRole('radio', { name: 'Français' }).check();
    tokens.push(await page.waitForNewToken(tokens));
    await page.frame.getByRole('heading', { name: 'Connectez votre compte bancaire' }).waitFor(eventually);
    expect(new URL((await page.iframe.getAttribute('src'))!).searchParams.get('language')).toBe('fr');

    const after = simulator().stats();
    expect(new Set(tokens).size).toBe(4);
    for (const token of tokens) expect(simulator().loadsOf(token)).toBe(1);
    expect(Object.values(after.loadsPerToken).every((loads) => loads <= 1)).toBe(true);
    // Four iframe loads, and one token the server minted for its data call, never loaded.
    expect(after.tokensIssued - before.tokensIssued).toBe(5);
    expect(await page.tokensUsed()).toBe(4);
    expect(after.redeemed - before.redeemed).toBe(2);
    expect(after.rejected).toEqual(before.rejected);
  });
});

describe('the screenshot for the README', () => {
  it('captures the page after a completed flow', async () => {
    const page = await open('', { viewport: { width: 1280, height: 900 } });
    await page.waitForReady();
    await page.signIn();
    await page.finish();
    await page.page.getByTestId('success-banner').waitFor(eventually);
    await page.frame.getByRole('heading', { name: 'Bank account connected' }).waitFor(eventually);
    await page.page.getByTestId('review-account').first().waitFor(eventually);
    // Every run saves one to look at (test-results/, ignored by git); UPDATE_SCREENSHOT=1 also
    // refreshes the committed one the README shows, so a plain test run leaves the tree clean.
    const file = process.env.UPDATE_SCREENSHOT ? '../screenshot.png' : '../test-results/screenshot.png';
    const path = new URL(file, import.meta.url);
    const png = await page.page.screenshot({ path: path.pathname, fullPage: true, animations: 'disabled' });
    expect(png.subarray(1, 4).toString()).toBe('PNG');
  });
});
