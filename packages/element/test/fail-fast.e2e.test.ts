// <flinks-connect> fails fast, in Chromium, when its frame loads but Connect never mounts: an
// unreachable Connect origin (the browser's error page loads) and a Connect page that never posts.
// And after a keyboard "Try again", the focus stays where the user can go on.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, host, page, sim } from './browser-fixture';
import { hostPage } from './host-app';

/** The grace on, the outer watchdog far beyond the poll's limit: an error in time is the grace's. */
const withTimeouts = (attributes: string) =>
  hostPage(attributes).replace(
    'element.fetchAuthorizeToken =',
    'element.loadTimeoutMs = 120000; element.mountTimeoutMs = 1500; element.retry = false;\n  element.fetchAuthorizeToken =',
  );

beforeAll(async () => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
  host.page('/unreachable', withTimeouts(`connect-url="http://127.0.0.1:${closedPort}/v2/"`));
  host.page('/silent', withTimeouts(`connect-url="${sim.connectUrl}" demo`));
  host.page('/focus', withTimeouts(`connect-url="${sim.connectUrl}" demo`));
});

afterEach(() => {
  sim.setFaults({ connectPageSilent: false, failNextTokenRequests: 0, tokenLatencyMs: 0 });
});

const errors = (): Promise<unknown[]> =>
  page.evaluate(() => window.record.log.filter((entry) => entry.via === 'flinks-error').map((e) => e.detail));

describe('<flinks-connect> when Connect cannot load', () => {
  it('shows the load error soon after the browser error page of an unreachable origin loads', async () => {
    await page.goto(`${host.origin}/unreachable`);
    await expect.poll(errors, eventually).toEqual(['iframe_load_timeout']);
    expect(await page.getByRole('alert').textContent()).toBe('Your bank connection could not be loaded.');
    expect(await page.locator('iframe').count()).toBe(0);
  });

  it('shows the load error soon after a Connect page that never posts has loaded', async () => {
    sim.setFaults({ connectPageSilent: true });
    await page.goto(`${host.origin}/silent`);
    await expect.poll(errors, eventually).toEqual(['iframe_load_timeout']);
    expect(await page.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
  });
});

describe('<flinks-connect> after a keyboard "Try again"', () => {
  /** What has the focus: its tag, its role and its text. */
  const focused = () =>
    page.evaluate(() => {
      const element = document.activeElement!;
      return `${element.tagName} ${element.getAttribute('role') ?? ''} ${element.textContent?.trim() ?? ''}`.trim();
    });
  const failures = async () => (await errors()).length;

  it('focuses the loading line, the new Try again after a second failure, then the iframe', async () => {
    sim.setFaults({ failNextTokenRequests: 2 });
    await page.goto(`${host.origin}/focus`);
    await expect.poll(failures, eventually).toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('BUTTON  Try again');
    await page.keyboard.press('Enter');
    await expect.poll(failures, eventually).toBe(2);
    await expect.poll(focused, eventually).toBe('BUTTON  Try again');
    sim.setFaults({ tokenLatencyMs: 1_000 });
    await page.keyboard.press('Enter');
    await expect.poll(focused, eventually).toBe('P status Loading your bank connection…');
    await expect.poll(focused, eventually).toBe('IFRAME');
  });
});
