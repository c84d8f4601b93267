import axe from 'axe-core';
import type { Browser, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../server/demo-server';
import { DemoPage, eventually, launchChromium } from './support';

let browser: Browser;
let demo: DemoServer;
let page: DemoPage;

beforeAll(async () => {
  [browser, demo] = await Promise.all([
    launchChromium(),
    startDemoServer({ mode: 'dev', env: {}, hotReload: false }),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), demo?.close()]);
});

afterEach(async () => {
  const { errors } = page;
  await page.close();
  expect(errors).toEqual([]);
});

/**
 * axe-core's violations in one document, as `impact rule: selectors` lines (empty when it passes).
 * Frames are checked one by one: the Connect frame is a document of another origin.
 */
async function axeViolations(target: Page | Frame): Promise<string[]> {
  await target.evaluate(axe.source);
  const { violations } = await target.evaluate(() =>
    (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, { iframes: false, resultTypes: ['violations'] }),
  );
  return violations.map(
    ({ id, impact, nodes }) => `${impact} ${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** What has keyboard focus in the top page: its role and accessible text, roughly. */
function focused(target: Page): Promise<string> {
  return target.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const label =
      element.getAttribute('aria-label') ??
      (element instanceof HTMLInputElement ? (element.labels?.[0]?.textContent ?? element.value) : null) ??
      element.textContent ??
      '';
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${label.trim()}`;
  });
}

/** Presses Tab until `matches` holds for the focused element; fails after `limit` presses. */
async function tabTo(target: Page, matches: (description: string) => boolean, limit = 40): Promise<string> {
  for (let presses = 0; presses < limit; presses += 1) {
    await target.keyboard.press('Tab');
    const description = await focused(target);
    if (matches(description)) return description;
  }
  throw new Error(`Tab never reached the element (last: ${await focused(target)})`);
}

describe('axe-core', () => {
  it('finds no violation on the demo page, before Connect, ready and linked, nor in the Connect frame', async () => {
    page = await DemoPage.open(browser, demo.url, { linkBank: false });
    // Before Connect: the "Link your bank account" button, and the token panel with nothing yet.
    await page.linkBank.waitFor(eventually);
    expect(await axeViolations(page.page)).toEqual([]);
    await page.linkBank.click();
    await page.waitForReady();
    // The event log has entries by now: its live region and its list are both checked.
    await page.waitForStep('APP_MOUNTED');
    expect(await axeViolations(page.page)).toEqual([]);
    const connect = page.page.frames().find((frame) => frame.url().startsWith(demo.simulator!.instanceUrl));
    expect(await axeViolations(connect!)).toEqual([]);

    await page.signIn();
    await page.finish();
    await page.page.getByTestId('success-banner').waitFor(eventually);
    expect(await axeViolations(page.page)).toEqual([]);

    // The Review step, with the accounts, their balances and transaction tables.
    await page.page.getByTestId('review-account').first().waitFor(eventually);
    expect(await axeViolations(page.page)).toEqual([]);
  });

  it('finds no violation on the Review step while Flinks gathers the data, nor on its error', async () => {
    demo.simulator!.setFaults({ dataNeverReady: true });
    try {
      page = await DemoPage.open(browser, demo.url);
      await page.waitForReady();
      await page.signIn();
      await page.finish();
      await page.page.getByText('Flinks is still gathering your data.').waitFor(eventually);
      expect(await axeViolations(page.page)).toEqual([]);
      // The next poll fails: the error and its Retry button.
      demo.simulator!.setFaults({ dataNeverReady: false, dataFailure: { code: 'RETRY_LATER', on: 'poll' } });
      await page.page.getByTestId('review-error').waitFor(eventually);
      expect(await axeViolations(page.page)).toEqual([]);
    } finally {
      demo.simulator!.setFaults({ dataNeverReady: false, dataFailure: { code: 'RETRY_LATER', count: 0 } });
    }
  });
});

describe('on a phone', () => {
  it('fits a 390 px screen without sideways scrolling, and the whole flow works there', async () => {
    page = await DemoPage.open(browser, demo.url, { viewport: { width: 390, height: 844 } });
    await page.waitForReady();
    const widths = await page.page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
      frame: document.querySelector('iframe')!.getBoundingClientRect().width,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.frame).toBeGreaterThanOrEqual(340);
    expect(widths.frame).toBeLessThanOrEqual(widths.viewport);

    await page.signIn();
    await page.finish();
    await page.page.getByTestId('success-banner').waitFor(eventually);
    // The Review step too, transaction tables included.
    await page.page.getByTestId('review-account').first().waitFor(eventually);
    expect(await page.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

describe('with the keyboard alone', () => {
  it('skips to the bank step, opens Connect, switches the language, remounts, and reaches Connect’s own buttons', async () => {
    page = await DemoPage.open(browser, demo.url, { linkBank: false });
    const { page: target } = page;
    await page.linkBank.waitFor(eventually);

    // The first stop is the skip link, shown on focus; it lands on the Connect card.
    expect(await tabTo(target, () => true, 1)).toBe('a Skip to the bank connection');
    expect(await target.getByRole('link', { name: 'Skip to the bank connection' }).isVisible()).toBe(true);
    await target.keyboard.press('Enter');
    expect(await focused(target)).toMatch(/^div#connect/);

    // The next stop is the button that opens Connect; when it goes, focus stays on the card.
    expect(await tabTo(target, () => true, 1)).toBe('button Link your bank account');
    await target.keyboard.press('Enter');
    const first = await page.waitForReady();
    expect(await focused(target)).toMatch(/^div#connect/);

    // Radio groups move with the arrow keys.
    await tabTo(target, (description) => description.includes('English'));
    await target.keyboard.press('ArrowRight');
    expect(await target.getByRole('radio', { name: 'Français' }).isChecked()).toBe(true);
    const french = await page.waitForNewToken([first]);
    await page.frame.getByRole('heading', { name: 'Connectez votre compte bancaire' }).waitFor(eventually);

    // Buttons work with Enter.
    await tabTo(target, (description) => description.includes('Remount Connect'));
    await target.keyboard.press('Enter');
    await page.waitForNewToken([first, french]);

    // Tabbing on from the top of the page reaches into the cross-origin Connect frame.
    await target.getByRole('link', { name: 'Maple, home' }).focus();
    await tabTo(target, (description) => description.startsWith('iframe'));
    const inFrame = await page.frame.locator(':focus').textContent();
    expect(inFrame?.trim()).toBe('Continuer');
  });
});
