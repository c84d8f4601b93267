// <flinks-connect> in Chromium with an OAuth bank whose sign-in opens a pop-up: opened, or blocked
// and explained by a dismissible notice next to an iframe that never moves.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  context,
  eventually,
  frame,
  host,
  iframeSrcs,
  log,
  page,
  sim,
  tokenOf,
  waitForStep,
} from './browser-fixture';
import { hostPage } from './host-app';

beforeAll(() => {
  const oauth = `connect-url="${sim.connectUrl}" demo demo-outbound consent-enable="false"`;
  host.page('/oauth', hostPage(oauth));
  host.page('/oauth-fr', hostPage(`${oauth} language="fr"`));
});

afterEach(() => {
  sim.setFaults({ blockPopups: false });
});

describe('<flinks-connect> with an OAuth bank whose sign-in opens a pop-up', () => {
  const popupsBlocked = async (): Promise<number> =>
    (await log()).filter((entry) => entry.via === 'flinks-popup-blocked').length;

  /** Opens `path`, marks the iframe element (`window.firstFrame`), picks the OAuth bank and continues to it. */
  async function continueToOAuthBank(path: string, bank: string, action: string): Promise<void> {
    await page.goto(`${host.origin}${path}`);
    await waitForStep('APP_MOUNTED');
    // Marks this iframe element: a recreated or re-inserted one would reload Connect.
    await page.evaluate(() => {
      window.firstFrame = document.querySelector('flinks-connect iframe')!;
    });
    await frame().getByRole('button', { name: bank }).click();
    await frame().getByRole('button', { name: action }).click();
  }
  const sameFrame = (): Promise<boolean> =>
    page.evaluate(
      () =>
        document.querySelectorAll('iframe').length === 1 &&
        document.querySelector('flinks-connect iframe') === window.firstFrame,
    );

  it('opens it after the click, with no notice', async () => {
    const popup = context.waitForEvent('page');
    await continueToOAuthBank('/oauth', 'Maple OAuth Bank', 'Continue to Maple OAuth Bank');
    await popup;
    await waitForStep('POPUP_OPENED');
    expect(await popupsBlocked()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await sameFrame()).toBe(true);
  });

  it('shows the dismissible notice before the same iframe and dispatches flinks-popup-blocked when it is blocked', async () => {
    sim.setFaults({ blockPopups: true });
    await continueToOAuthBank('/oauth', 'Maple OAuth Bank', 'Continue to Maple OAuth Bank');
    const notice = page.getByRole('alert');
    await expect
      .poll(() => notice.textContent(), eventually)
      .toBe('Your bank’s window was blocked. Allow pop-ups for this page and try again.');
    expect(await popupsBlocked()).toBe(1);
    expect(
      await page.evaluate(
        () => document.querySelector('flinks-connect > div + iframe') === window.firstFrame,
      ),
    ).toBe(true);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);

    // Blocked again: the notice is back, and the frame never moved.
    await frame().getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => notice.count(), eventually).toBe(1);
    expect(await popupsBlocked()).toBe(2);
    // The page reads the fault when it loads, so this one still blocks: Connect's POPUP_OPENED, by hand.
    await frame()
      .locator('body')
      .evaluate(() => window.parent.postMessage({ step: 'POPUP_OPENED', institution: 'FlinksOAuth' }, '*'));
    await expect.poll(() => notice.count(), eventually).toBe(0);
    expect(await sameFrame()).toBe(true);
    // One load of one token: a moved iframe would have loaded Connect again.
    expect(host.tokenRequests).toBe(1);
    expect(sim.loadsOf(tokenOf((await iframeSrcs())[0]!))).toBe(1);
  });

  it('says it in French with language="fr"', async () => {
    sim.setFaults({ blockPopups: true });
    await continueToOAuthBank('/oauth-fr', 'Banque OAuth Érable', 'Continuer vers Banque OAuth Érable');
    await expect
      .poll(() => page.getByRole('alert').textContent(), eventually)
      .toBe(
        'La fenêtre de votre banque a été bloquée. Autorisez les fenêtres contextuelles pour cette page et réessayez.',
      );
    await page.getByRole('button', { name: 'Fermer' }).click();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await sameFrame()).toBe(true);
  });
});
