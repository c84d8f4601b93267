// The accounts after Connect, in the production build: registered inside next-app.e2e.test.ts's
// production describe, so they share its one `next build` and its running app.
import { SANDBOX_ACCOUNTS } from '@flinks-embed/simulator';
import { expect, it } from 'vitest';
import type { NextApp } from '../scripts/run.mjs';
import { eventually, expectText, type AppPage } from './support';

export interface AccountsTestContext {
  app: () => NextApp;
  open: (app: NextApp, route?: string) => Promise<AppPage>;
  /** The secret key the running app uses: never in a page. */
  secret: string;
}

export function accountsTests(ctx: AccountsTestContext): void {
  it('after onRedirect, says Flinks is still gathering the data through its 202s, then shows the accounts masked, and takes the signed webhook', async () => {
    // Held at 202 until the page has shown a few checks.
    ctx.app().simulator!.setFaults({ dataNeverReady: true });
    const before = ctx.app().simulator!.dataStats();
    const page = await ctx.open(ctx.app());
    await page.connectToken();
    await page.completeFlow();
    const section = page.page.getByRole('region', { name: 'Your accounts' });
    const status = section.getByRole('status');
    await expectText(status, /Flinks is still gathering your data\. Checked [3-9]/);
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(ctx.app().simulator!.dataStats().pending - before.pending).toBeGreaterThanOrEqual(2);

    ctx.app().simulator!.setFaults({ dataNeverReady: false });
    const accounts = section.getByRole('list', { name: 'Linked accounts' }).getByRole('listitem');
    await expect.poll(() => accounts.count(), eventually).toBe(SANDBOX_ACCOUNTS.length);
    expect(await status.textContent()).toBe('');
    expect(await section.getByTestId('accounts-institution').textContent()).toBe('FlinksCapital');
    const chequing = section.getByRole('listitem', { name: /^Chequing/ });
    expect(await chequing.getByRole('heading', { level: 3 }).textContent()).toBe(
      'Chequing•••• ending in 4021',
    );
    expect(await chequing.getByRole('table', { name: 'Recent transactions, Chequing' }).count()).toBe(1);
    const html = await page.page.content();
    for (const account of SANDBOX_ACCOUNTS) expect(html).not.toContain(`100${account.number.slice(-4)}`);
    expect(html).not.toContain(ctx.secret);

    // The simulator signed its webhooks with the run's secret; the route checked and took them.
    await ctx.app().simulator!.webhooksSettled();
    const deliveries = ctx.app().simulator!.webhookDeliveries();
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    expect(deliveries.map((delivery) => [delivery.state, delivery.attempts.at(-1)?.status])).toEqual(
      deliveries.map(() => ['delivered', 200]),
    );
    await expectText(
      section.getByTestId('webhook-receipt'),
      "Flinks' signed webhook also delivered this login's data (KYC, then GetAccountsDetail).",
    );
  });

  it('shows a Flinks error with its code, and Retry gets the accounts', async () => {
    ctx.app().simulator!.setFaults({ dataFailure: { code: 'SESSION_NONEXISTENT', count: 1 } });
    const page = await ctx.open(ctx.app());
    await page.connectToken();
    await page.completeFlow();
    const alert = page.page.getByTestId('accounts-error');
    await expectText(
      alert,
      /The session with Flinks expired before the data came\..*\(SESSION_NONEXISTENT\)/,
    );
    expect(await alert.getAttribute('role')).toBe('alert');
    await alert.getByRole('button', { name: 'Retry' }).click();
    expect(await page.page.evaluate(() => document.activeElement?.id)).toBe('linked-accounts');
    await expect
      .poll(() => page.page.getByTestId('linked-account').count(), eventually)
      .toBe(SANDBOX_ACCOUNTS.length);
    expect(await alert.count()).toBe(0);
  });

  it('refuses an unsigned webhook and a bad accounts request, keeping every answer out of caches', async () => {
    const webhook = new URL('/api/flinks/webhook', ctx.app().url);
    const body = JSON.stringify({ ResponseType: 'GetAccountsDetail', Accounts: [] });
    const forged = await fetch(webhook, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'flinks-authenticity-key': 'bm90IGEgc2lnbmF0dXJl' },
      body,
    });
    expect([forged.status, await forged.json()]).toEqual([401, { error: 'invalid_signature' }]);
    expect((await fetch(webhook)).status).toBe(405);

    const accounts = new URL('/api/flinks/accounts', ctx.app().url);
    const bad = await fetch(accounts, { method: 'POST', body: JSON.stringify({ loginId: '../x' }) });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('cache-control')).toBe('no-store');
    expect(((await bad.json()) as { error: string }).error).toMatch(/loginId Connect gave onRedirect/);
    const unknown = await fetch(new URL('/api/flinks/accounts/no-such-job', ctx.app().url));
    expect(unknown.status).toBe(404);
  });
}
