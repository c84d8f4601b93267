import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../server/demo-server';
import { DemoPage, eventually, launchChromium } from './support';

let browser: Browser;
let pages: DemoPage[] = [];
const servers: DemoServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await Promise.all([browser?.close(), ...servers.map((server) => server.close())]);
});

afterEach(async () => {
  const errors = pages.flatMap((page) => page.errors);
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  expect(errors).toEqual([]);
});

async function serve(options: Partial<Parameters<typeof startDemoServer>[0]> = {}): Promise<DemoServer> {
  const server = await startDemoServer({ mode: 'dev', env: {}, hotReload: false, ...options });
  servers.push(server);
  return server;
}

async function open(server: DemoServer, query = '', linkBank = true): Promise<DemoPage> {
  const page = await DemoPage.open(browser, new URL(query, server.url).href, { linkBank });
  pages.push(page);
  return page;
}

/** Every token the page's server handed out, with its expiry, and when each Connect load started. */
function watchTokens(page: Page, connectUrl: string) {
  const issued = new Map<string, number>();
  const loadedAt = new Map<string, number>();
  page.on('request', (request) => {
    if (!request.url().startsWith(connectUrl)) return;
    const token = new URL(request.url()).searchParams.get('authorizeToken');
    if (token && !loadedAt.has(token)) loadedAt.set(token, Date.now());
  });
  page.on('response', async (response) => {
    if (!response.url().endsWith('/api/flinks/authorize-token') || !response.ok()) return;
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: number };
    issued.set(token, expiresAt);
  });
  return { issued, loadedAt };
}

describe('token expiry', () => {
  // Real time with a short lifetime: about 40 s, hence the longer timeout.
  it(
    'replaces an idle token before it expires, and never once credentials are submitted',
    { timeout: 90_000 },
    async () => {
      const lifetimeMs = 16_000;
      const server = await serve({ simulator: { tokenLifetimeMs: lifetimeMs } });
      const sim = server.simulator!;
      // The page takes the lifetime the server reports, and so does the control's "as issued" choice.
      const page = await open(server, '?consent=0', false);
      const { issued, loadedAt } = watchTokens(page.page, sim.connectUrl);
      expect(await page.page.getByRole('combobox', { name: 'Token lifetime' }).inputValue()).toBe('');
      await page.linkBank.click(eventually);

      const first = await page.waitForReady();
      // Nobody touches the page: the library fetches a replacement (reason "expired") and reloads.
      const second = await page.waitForNewToken([first]);
      await expect.poll(() => loadedAt.has(second), eventually).toBe(true);
      expect(loadedAt.get(second)!).toBeLessThan(issued.get(first)!);
      expect(sim.loadsOf(first)).toBe(1);
      expect(sim.loadsOf(second)).toBe(1);
      expect(sim.stats().rejected.expired).toBe(0);
      expect(await page.loggedNames()).toContain('Token requested');
      // The first token was prefetched when the pointer reached "Link your bank account".
      expect(await page.page.locator('[data-name="Token requested"] .log-detail').allTextContents()).toEqual([
        'prefetch: hover on “Link your bank account”',
        'reason: expired',
      ]);
      await page.frame.getByRole('heading', { name: 'Select your institution' }).waitFor(eventually);

      // Credentials submitted: the token is spent, and the session must survive its expiry.
      await page.bank.chooseInstitution();
      await page.bank.signIn();
      await page.waitForStep('COMPONENT_LOAD_MFA');
      expect(await page.tokenStatus.getAttribute('data-phase')).toBe('in-use');
      const issuedBefore = sim.stats().tokensIssued;

      const expiresAt = issued.get(second)!;
      await page.page.waitForFunction((at) => Date.now() > at + 2_000, expiresAt, {
        timeout: lifetimeMs + 10_000,
      });
      await expect
        .poll(() => page.page.getByTestId('token-expires').textContent(), eventually)
        .toBe('expired');
      expect(await page.iframeToken()).toBe(second);
      expect(sim.stats().tokensIssued).toBe(issuedBefore);
      expect(await page.page.getByTestId('token-refresh').textContent()).toBe('Off: the user is mid-session');

      // The user finishes on the same session, past the token's expiry.
      await page.finish();
      await expect
        .poll(() => page.page.getByTestId('result-loginId').locator('.breakable').textContent(), eventually)
        .toMatch(/^[0-9a-f-]{36}$/);
      expect(await page.tokensUsed()).toBe(2);
      expect(sim.stats().rejected).toEqual({ badSecret: 0, unknown: 0, expired: 0, reused: 0 });
    },
  );
});

describe('token endpoint trouble', () => {
  let server: DemoServer;
  beforeAll(async () => {
    server = await serve();
  });
  afterEach(() => server.simulator!.setFaults({ tokenLatencyMs: 0, failNextTokenRequests: 0 }));

  it('retries failing token requests, shows the error state, and recovers with the retry button', async () => {
    const sim = server.simulator!;
    const page = await open(server);
    const first = await page.waitForReady();
    // Every phase the token panel goes through, recorded in the page (some last only a few ms).
    await page.page.evaluate(() => {
      const status = document.querySelector('[data-testid="token-status"]')!;
      const seen: string[] = [];
      (window as unknown as { phases: string[] }).phases = seen;
      new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, {
        attributes: true,
        childList: true,
        characterData: true,
        subtree: true,
      });
    });

    await page.page.getByRole('button', { name: 'Fail next 3 token requests' }).click();
    const error = page.page.getByTestId('connect-error');
    await error.waitFor(eventually);
    expect(await error.getAttribute('data-error-code')).toBe('token_fetch_failed');
    expect(await page.page.getByRole('alert').first().textContent()).toContain(
      'couldn’t start a secure session',
    );
    expect(await page.iframe.count()).toBe(0);
    expect(await page.tokenStatus.getAttribute('data-phase')).toBe('failed');
    const names = await page.loggedNames();
    expect(names.filter((name) => name === 'Token request failed')).toHaveLength(3);
    expect(names.at(-1)).toBe('token_fetch_failed');
    const phases = await page.page.evaluate(() => (window as unknown as { phases: string[] }).phases);
    expect(phases).toEqual(expect.arrayContaining(['Retrying (try 2)', 'Retrying (try 3)', 'Failed']));

    await error.getByRole('button', { name: 'Try again' }).click();
    const recovered = await page.waitForNewToken([first]);
    expect(sim.loadsOf(recovered)).toBe(1);
    await page.frame.getByRole('heading', { name: 'Connect your bank account' }).waitFor(eventually);
    expect(await page.page.getByTestId('connect-error').count()).toBe(0);
  });

  it('shows the loading state while the token endpoint is slow, then the iframe', async () => {
    const sim = server.simulator!;
    sim.setFaults({ tokenLatencyMs: 4_000 });
    const page = await open(server);

    await expect.poll(() => page.tokenStatus.getAttribute('data-phase'), eventually).toBe('requesting');
    const loading = page.page.getByTestId('connect-loading');
    expect(await loading.isVisible()).toBe(true);
    expect(await loading.textContent()).toContain('Preparing a secure connection');
    expect(await page.iframe.count()).toBe(0);
    // No preconnect hint: a cross-site frame never reuses a socket the page opened.
    expect(await page.page.locator('link[rel="preconnect"]').count()).toBe(0);

    const token = await page.waitForReady();
    expect(sim.loadsOf(token)).toBe(1);
    expect(await loading.count()).toBe(0);
  });
});
