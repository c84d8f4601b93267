// <flinks-connect> in Chromium over its life on a plain HTML page: removed and put back, and
// reloaded with a fresh token when an attribute changes (and only then).
import { describe, expect, it } from 'vitest';
import {
  eventually,
  frame,
  GUID,
  host,
  iframeSrcs,
  leftBehind,
  log,
  openLoaded,
  page,
  sim,
  tokenOf,
} from './browser-fixture';

describe('<flinks-connect> on a plain HTML page', () => {
  it('leaves no listener, timer or request behind when removed, and starts over with a fresh token when put back', async () => {
    const first = await openLoaded();
    expect((await leftBehind()).listeners).toEqual(
      expect.arrayContaining(['window:message', 'window:online', 'document:visibilitychange']),
    );
    expect((await leftBehind()).timers).toBeGreaterThan(0);

    await page.evaluate(() => {
      window.connect = document.querySelector('flinks-connect')!;
      window.connect.remove();
    });
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await iframeSrcs()).toEqual([]);
    expect(await page.evaluate(() => window.connect.childNodes.length)).toBe(0);

    // Put back while the token endpoint is slow, then removed again: the request is aborted.
    const release = host.holdTokens();
    await page.evaluate(() => document.body.append(window.connect));
    await expect.poll(() => host.tokenRequests, eventually).toBe(2);
    await page.evaluate(() => window.connect.remove());
    await expect.poll(() => page.evaluate(() => window.record.aborted), eventually).toBe(1);
    release();
    expect(await leftBehind()).toEqual({ listeners: [], timers: 0 });
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(2);

    // Put back for good: a third token, loaded once.
    await page.evaluate(() => document.body.append(window.connect));
    await expect.poll(async () => (await iframeSrcs()).length, eventually).toBe(1);
    const third = tokenOf((await iframeSrcs())[0]!);
    expect(third).toMatch(GUID);
    expect(third).not.toBe(first);
    await expect.poll(() => sim.loadsOf(third), eventually).toBe(1);
    expect(sim.loadsOf(first)).toBe(1);
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(3);
    expect(sim.stats()).toMatchObject({ rejected: { unknown: 0, expired: 0, reused: 0 } });
    expect((await log()).filter((entry) => /error/i.test(entry.via))).toEqual([]);
  });

  it('reloads with a fresh token when an attribute changes, and not for equal params or new callbacks', async () => {
    const first = await openLoaded();
    await page.evaluate(() => {
      const element = document.querySelector('flinks-connect')!;
      element.params = { demo: true };
      element.onEvent = () => {};
      element.setAttribute('consent-enable', 'false');
    });
    // Those changes (made in one task) are settled by the next one; the attribute change below is
    // what makes the second token request.
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(1);

    await page.evaluate(() => document.querySelector('flinks-connect')!.setAttribute('language', 'fr'));
    await expect
      .poll(
        async () => new URL((await iframeSrcs())[0] ?? 'about:blank').searchParams.get('language'),
        eventually,
      )
      .toBe('fr');
    const second = tokenOf((await iframeSrcs())[0]!);
    expect(second).toMatch(GUID);
    expect(second).not.toBe(first);
    await expect.poll(() => frame().locator('html').getAttribute('lang'), eventually).toBe('fr');
    expect(await page.evaluate(() => window.record.tokenRequests)).toBe(2);
    expect(host.tokenRequests).toBe(2);
    expect(sim.loadsOf(first)).toBe(1);
    expect(sim.loadsOf(second)).toBe(1);
    expect(sim.stats()).toMatchObject({ rejected: { unknown: 0, expired: 0, reused: 0 } });
  });
});
