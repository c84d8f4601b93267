import { SANDBOX_ACCOUNTS } from '@flinks-embed/simulator';
import { describe, expect, it } from 'vitest';
import { DemoPage, eventually, demoFixture } from './support';

const env = demoFixture((demo) =>
  demo.simulator!.setFaults({ dataNeverReady: false, dataFailure: { code: 'RETRY_LATER', count: 0 } }),
);

async function linked(): Promise<DemoPage> {
  const page = await DemoPage.open(env.browser, env.demo.url);
  env.pages.push(page);
  await page.waitForReady();
  await page.signIn();
  await page.finish();
  return page;
}

const simulator = () => env.demo.simulator!;

describe('the Review step, after Connect', () => {
  it('says Flinks is still gathering the data while it answers 202, then shows the accounts with masked numbers', async () => {
    // Held at 202 until the page has shown a few checks; then Flinks finishes.
    simulator().setFaults({ dataNeverReady: true });
    const before = simulator().dataStats();
    const page = await linked();
    const review = page.page.getByRole('region', { name: 'Review your linked account' });
    const status = review.getByRole('status');
    await status.getByText('Flinks is still gathering your data.').waitFor(eventually);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    await expect
      .poll(
        async () => Number(/Checked (\d+)/.exec((await status.textContent()) ?? '')?.[1] ?? 0),
        eventually,
      )
      .toBeGreaterThanOrEqual(3);
    expect(simulator().dataStats().pending - before.pending).toBeGreaterThanOrEqual(2);

    simulator().setFaults({ dataNeverReady: false });
    const accounts = review.getByRole('list', { name: 'Linked accounts' }).getByRole('listitem');
    await expect.poll(() => accounts.count(), eventually).toBe(SANDBOX_ACCOUNTS.length);
    expect(await status.getByText('Flinks is still gathering your data.').count()).toBe(0);
    expect(await review.getByTestId('review-institution').textContent()).toBe('FlinksCapital');

    const chequing = review.getByRole('listitem', { name: /^Chequing/ });
    expect(await chequing.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Chequing •••• ending in 4021',
    );
    expect(await chequing.getByText('Deposits go here').count()).toBe(1);
    expect(await chequing.getByTestId('balance-available').textContent()).toMatch(/^\$[\d,]+\.\d\d$/);
    const table = chequing.getByRole('table', { name: 'Recent transactions, Chequing' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual([
      'Date',
      'Description',
      'Amount',
    ]);
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    expect(rows).toBeLessThanOrEqual(5);

    // The page never holds a full account number, nor the RequestId of the server's data call.
    const html = await page.page.content();
    for (const account of SANDBOX_ACCOUNTS) {
      expect(html).not.toContain(`100${account.number.slice(-4)}`);
    }
    expect(simulator().dataStats()).toMatchObject({ withSecretKey: 0, withFlinksAuthKey: 0 });
  });

  it('answers 202 at least twice by default, and the page shows the data once Flinks has it', async () => {
    const before = simulator().dataStats();
    const page = await linked();
    const accounts = page.page.getByTestId('review-account');
    await expect.poll(() => accounts.count(), eventually).toBe(SANDBOX_ACCOUNTS.length);
    const after = simulator().dataStats();
    expect(after.pending - before.pending).toBeGreaterThanOrEqual(2);
    expect(after.ready - before.ready).toBe(1);
  });

  it('shows a Flinks error with its code and a Retry button that gets the data', async () => {
    simulator().setFaults({ dataFailure: { code: 'SESSION_NONEXISTENT', count: 1 } });
    const page = await linked();
    const alert = page.page.getByTestId('review-error');
    await alert.waitFor(eventually);
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('The session with Flinks expired before the data came.');
    expect(await alert.getByRole('code').textContent()).toBe('SESSION_NONEXISTENT');

    await alert.getByRole('button', { name: 'Retry' }).click();
    // Focus moves to the step's heading, not to the top of the page.
    expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('review-title');
    await expect
      .poll(() => page.page.getByTestId('review-account').count(), eventually)
      .toBe(SANDBOX_ACCOUNTS.length);
    expect(await alert.count()).toBe(0);
  });

  it('“Fail the next data call” shows RETRY_LATER on the Review step, and Retry recovers', async () => {
    const page = await linked();
    const accounts = page.page.getByTestId('review-account');
    await expect.poll(() => accounts.count(), eventually).toBe(SANDBOX_ACCOUNTS.length);
    const before = simulator().dataStats();

    await page.page.getByRole('button', { name: 'Fail the next data call' }).click();
    const alert = page.page.getByRole('alert').filter({ hasText: 'We could not get your account details' });
    await alert.waitFor(eventually);
    expect(await alert.getByRole('code').textContent()).toBe('RETRY_LATER');
    expect(await alert.textContent()).toContain(
      'Flinks could not get your data just now. Try again in a moment.',
    );
    expect(await accounts.count()).toBe(0);
    expect(simulator().dataStats().errors - before.errors).toBe(1);

    await alert.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => accounts.count(), eventually).toBe(SANDBOX_ACCOUNTS.length);
    expect(await page.loggedNames()).toContain('Simulator faults on');
  });
});
