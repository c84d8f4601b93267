// mountFlinksConnect in Chromium, from a plain HTML page against the simulator on a second origin:
// a failed token fetch, a retry with a fresh token, and a destroy() that leaves nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, GUID, host, iframeSrcs, leftBehind, log, page, sim, tokenOf } from './browser-fixture';
import { mountPage } from './host-app';

beforeAll(() => {
  host.page('/mount', mountPage(sim.connectUrl));
});

describe('mountFlinksConnect on a plain HTML page', () => {
  it('shows an alert with a retry button when the token endpoint fails, loads a fresh token on retry, and destroy() leaves nothing', async () => {
    sim.setFaults({ failNextTokenRequests: 1 });
    await page.goto(`${host.origin}/mount`);
    const bank = page.locator('#bank');
    await expect
      .poll(() => bank.getByRole('alert').textContent(), eventually)
      .toBe('Your bank connection could not be loaded.');
    expect((await log()).filter((entry) => entry.via === 'onError')).toEqual([
      { via: 'onError', detail: 'token_fetch_failed' },
    ]);
    expect(await iframeSrcs()).toEqual([]);
    expect(host.failures).toEqual([expect.objectContaining({ name: 'FlinksApiError' })]);

    await bank.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(
        async () => (await log()).some((entry) => (entry.detail as { step?: string }).step === 'APP_MOUNTED'),
        eventually,
      )
      .toBe(true);
    expect(await bank.getByRole('alert').count()).toBe(0);
    const [src] = await iframeSrcs();
    const token = tokenOf(src!);
    expect(token).toMatch(GUID);
    expect(src!.split(token)).toHaveLength(2);
    expect(sim.loadsOf(token)).toBe(1);
    expect(host.tokenRequests).toBe(2);

    await page.evaluate(() => window.mounted.destroy());
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await page.evaluate(() => document.getElementById('bank')!.childNodes.length)).toBe(0);
  });
});
