import { randomUUID } from 'node:crypto';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../server/demo-server';
import { buildClient, type BuiltClient } from './build-client';
import { DemoPage, eventually, HAPPY_PATH, launchChromium } from './support';

let browser: Browser;
let client: BuiltClient;
const servers: DemoServer[] = [];

beforeAll(async () => {
  [browser, client] = await Promise.all([launchChromium(), buildClient()]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), ...servers.map((server) => server.close())]);
  await client?.remove();
});

async function serve(env: Record<string, string> = {}): Promise<DemoServer> {
  const server = await startDemoServer({ mode: 'production', clientDir: client.dir, env });
  servers.push(server);
  return server;
}

/** Records CSP violations from the first script on, before the app runs. */
async function openWatchingCsp(browser: Browser, url: string): Promise<DemoPage> {
  const page = await DemoPage.open(browser, 'about:blank');
  await page.page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  await page.page.goto(url);
  await page.linkBank.click(eventually);
  return page;
}

describe('the production build (no Vite)', () => {
  it('completes the flow under a strict Content-Security-Policy that only adds the Connect origin to frame-src', async () => {
    const server = await serve();
    const response = await fetch(server.url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`frame-src ${server.simulator!.instanceUrl} 'self'`);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('unsafe-inline');

    const page = await openWatchingCsp(browser, server.url);
    try {
      const token = await page.waitForReady();
      expect(server.simulator!.loadsOf(token)).toBe(1);
      await page.signIn();
      await page.finish();
      await page.frame.getByRole('heading', { name: 'Bank account connected' }).waitFor(eventually);
      // The Review step works under the same policy: its styles are in the built stylesheet.
      await page.page.getByTestId('review-account').first().waitFor(eventually);
      expect(await page.loggedSteps()).toEqual(HAPPY_PATH);
      // One token: production has no StrictMode double mount, and dev's StrictMode fetches once too.
      expect(await page.tokensUsed()).toBe(1);
      expect(
        await page.page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations),
      ).toEqual([]);
      expect(page.errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('serves hashed assets for a year and the page itself revalidated; unknown files are 404', async () => {
    const server = await serve();
    const html = await (await fetch(server.url)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const script = await fetch(new URL(asset!, server.url));
    expect(script.status).toBe(200);
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(server.url)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(new URL('/some/page', server.url))).status).toBe(200);
    expect((await fetch(new URL('/assets/missing.js', server.url))).status).toBe(404);
    expect((await fetch(new URL('/%2e%2e/%2e%2e/package.json', server.url))).status).toBe(404);
  });

  it('talks to real Flinks when FLINKS_* are set, says so on the page, and keeps the secret on the server', async () => {
    const secretKey = `real-secret-${randomUUID()}`;
    const server = await serve({
      FLINKS_INSTANCE: 'toolbox',
      FLINKS_CUSTOMER_ID: randomUUID(),
      FLINKS_SECRET_KEY: secretKey,
    });
    expect(server.simulator).toBeNull();
    expect(server.config).toMatchObject({ backend: 'flinks', instance: 'toolbox' });
    const response = await fetch(server.url);
    expect(response.headers.get('content-security-policy')).toContain(
      "frame-src https://toolbox-iframe.private.fin.ag 'self'",
    );
    const config = await (await fetch(new URL('/api/demo/config', server.url))).text();
    expect(config).not.toContain(secretKey);
    // The fault switch exists only with the simulator.
    const faults = await fetch(new URL('/api/demo/faults', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: new URL(server.url).origin },
      body: '{"failNextTokenRequests":3}',
    });
    expect(faults.status).toBe(404);

    const page = await DemoPage.open(browser, server.url);
    try {
      const mode = page.page.getByTestId('mode');
      await expect.poll(() => mode.getAttribute('data-mode'), eventually).toBe('flinks');
      expect(await mode.textContent()).toBe('Flinks · toolbox');
      expect(await page.page.getByRole('button', { name: 'Fail next 3 token requests' }).count()).toBe(0);
      expect(await page.page.content()).not.toContain(secretKey);
    } finally {
      await page.close();
    }
  });
});
