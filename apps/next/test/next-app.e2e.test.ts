import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRoot, startNext, startNextApp, type NextApp } from '../scripts/run.mjs';
import { accountsTests } from './accounts-tests';
import { DEV_CHECKS, DEV_TEXT, devChecksOf } from './dev-checks';
import {
  AppPage,
  eventually,
  expectText,
  filesUnder,
  flinksConnectStrictModes,
  launchChromium,
  withoutFlinks,
} from './support';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const DEFAULT_ALERT = 'Your bank connection could not be loaded.';

// Values that must never reach the browser: set as FLINKS_SECRET_KEY, FLINKS_API_KEY and
// FLINKS_WEBHOOK_SECRET while `next build` runs.
const CANARY = `canary-secret-${randomUUID()}`;
const API_KEY_CANARY = `canary-api-key-${randomUUID()}`;
const WEBHOOK_CANARY = `canary-webhook-${randomUUID()}`;
// The secret the running app really uses (the simulator's), known only at run time.
const SECRET = `simulator-secret-${randomUUID()}`;

let browser: Browser;
let buildOutput = '';
let pages: AppPage[] = [];

beforeAll(async () => {
  const nextBin = createRequire(path.join(appRoot, 'package.json')).resolve('next/dist/bin/next');
  // Built once for the whole file: `next build` with no Flinks credentials (only the canary).
  const build = promisify(execFile)(process.execPath, [nextBin, 'build'], {
    cwd: appRoot,
    env: withoutFlinks({
      FLINKS_SECRET_KEY: CANARY,
      FLINKS_API_KEY: API_KEY_CANARY,
      FLINKS_WEBHOOK_SECRET: WEBHOOK_CANARY,
    }),
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`next build failed: ${error.message}\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
  });
  [browser, { stdout: buildOutput }] = await Promise.all([launchChromium(), build]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  const problems = pages.flatMap((page) => page.problems);
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  expect(problems).toEqual([]);
});

async function open(
  app: NextApp,
  route = '/',
  options?: Parameters<typeof AppPage.open>[2],
): Promise<AppPage> {
  const page = await AppPage.open(browser, new URL(route, app.url).href, options);
  pages.push(page);
  return page;
}

describe('the production build (`next build` + `next start`) on the simulator', () => {
  let app: NextApp;
  const sim = () => app.simulator!;

  beforeAll(async () => {
    app = await startNextApp({ mode: 'start', env: withoutFlinks(), simulator: { secretKey: SECRET } });
  });

  afterAll(async () => {
    await app?.close();
  });

  it('builds with no FLINKS_* set, rendering the Connect pages at request time', () => {
    expect(buildOutput).toMatch(/ƒ \/\s/);
    expect(buildOutput).toMatch(/ƒ \/redirect/);
    expect(buildOutput).toMatch(/ƒ \/api\/flinks\/authorize-token/);
    expect(buildOutput).toMatch(/ƒ \/api\/flinks\/accounts\s/);
    expect(buildOutput).toMatch(/ƒ \/api\/flinks\/webhook/);
  });

  it('keeps the secret key and a canary FLINKS_SECRET_KEY out of .next/static', async () => {
    const files = await filesUnder(path.join(appRoot, '.next', 'static'));
    expect(files.some((file) => file.name.endsWith('.js'))).toBe(true);
    for (const canary of [CANARY, API_KEY_CANARY, WEBHOOK_CANARY]) {
      expect(files.filter((file) => file.text.includes(canary)).map((file) => file.name)).toEqual([]);
    }
    expect(files.filter((file) => file.text.includes(SECRET)).map((file) => file.name)).toEqual([]);
    // The one value from the build environment that may reach the browser is the app's own code.
    expect(files.some((file) => file.text.includes('/api/flinks/authorize-token'))).toBe(true);
  });

  it('ships no development check or its text to the browser; the error left names its code and docs/errors.md', async () => {
    const scripts = (await filesUnder(path.join(appRoot, '.next', 'static'))).filter((file) =>
      file.name.endsWith('.js'),
    );
    for (const prose of DEV_TEXT) {
      expect(scripts.filter((file) => file.text.includes(prose)).map((file) => file.name)).toEqual([]);
    }
    expect(scripts.some((file) => file.text.includes('docs/errors.md'))).toBe(true);
    expect(await devChecksOf(browser, app)).toEqual(DEV_CHECKS.production);
  });

  it('server-renders the loading state, with no iframe and no token, and fetches nothing on the server', async () => {
    const before = sim().stats().tokensIssued;
    const response = await fetch(app.url);
    expect(response.status).toBe(200);
    // (React separates adjacent text nodes with <!-- --> in server HTML.)
    const html = (await response.text()).replaceAll('<!-- -->', '');
    expect(html).toContain(
      `Connect is served by <code>${sim().instanceUrl}</code>, the local Flinks simulator.`,
    );
    expect(html).toContain('<p role="status" tabindex="-1">Loading your bank connection…</p>');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('authorizeToken');
    expect(html).not.toContain(SECRET);
    expect(sim().stats().tokensIssued).toBe(before);
  });

  it('hydrates without warnings, loads Connect with exactly one token, and shows the loginId from onRedirect', async () => {
    const before = sim().stats();
    const page = await open(app);
    const token = await page.connectToken();
    expect(sim().loadsOf(token)).toBe(1);
    expect(sim().stats().tokensIssued - before.tokensIssued).toBe(1);
    expect(page.tokenRequests).toEqual(['POST']);

    await page.completeFlow();
    const loginId = page.page.getByTestId('result-loginId');
    await expectText(loginId, GUID);
    const [redirect, ...more] = await page.redirectMessages();
    expect(more).toEqual([]);
    expect(await loginId.textContent()).toBe(redirect!.loginId);
    expect(await page.page.getByTestId('result-institution').textContent()).toBe('FlinksCapital');
    await page.page.getByTestId('linked-account').first().waitFor(eventually);
    expect(page.tokenRequests).toEqual(['POST']);
    const after = sim().stats();
    // One for the iframe; one the server minted for its own cached /Authorize (the accounts).
    expect(after.tokensIssued - before.tokensIssued).toBe(2);
    expect(after.redeemed - before.redeemed).toBe(2);
    expect(after.rejected).toEqual(before.rejected);
    expect(await page.page.content()).not.toContain(SECRET);
  });

  it('in the redirect mode without innerRedirect, lands on /connected and reads the result from its URL', async () => {
    const before = sim().stats();
    const page = await open(app, '/redirect');
    await page.connectToken();
    await page.completeFlow();
    await page.page.waitForURL((url) => url.pathname === '/connected', eventually);
    const landed = new URL(page.page.url());
    expect(landed.origin).toBe(new URL(app.url).origin);
    const loginId = landed.searchParams.get('loginId');
    expect(loginId).toMatch(GUID);
    await expectText(page.page.getByTestId('result-loginId'), loginId!);
    expect(await page.page.getByTestId('result-institution').textContent()).toBe('FlinksCapital');
    expect(await page.page.getByRole('heading', { name: 'Bank account connected' }).count()).toBe(1);
    // The landing page gets the accounts too, with the loginId from its URL.
    await page.page.getByTestId('linked-account').first().waitFor(eventually);
    expect(sim().stats().tokensIssued - before.tokensIssued).toBe(2);
  });

  accountsTests({ app: () => app, open, secret: SECRET });

  it("shows the default error fallback as a named alert beside Next.js' route announcer, and its retry recovers", async () => {
    const before = sim().stats().tokensIssued;
    sim().setFaults({ failNextTokenRequests: 3, tokenErrorStatus: 503 });
    const page = await open(app);
    const alert = page.page.getByRole('alert', { name: DEFAULT_ALERT });
    await alert.waitFor(eventually);
    expect(await alert.textContent()).toBe(DEFAULT_ALERT);
    // The route announcer is an alert too: without a name the two could not be told apart.
    expect(await page.page.getByRole('alert').count()).toBe(2);
    expect(page.tokenRequests).toEqual(['POST', 'POST', 'POST']);

    await page.page.getByRole('button', { name: 'Try again' }).click();
    const token = await page.connectToken();
    expect(sim().loadsOf(token)).toBe(1);
    expect(sim().stats().tokensIssued - before).toBe(1);
    expect(await alert.count()).toBe(0);
  });
});

describe('the production build with other environments', () => {
  it('talks to real Flinks when FLINKS_* are set: says so, starts no simulator, keeps the secret on the server', async () => {
    const secretKey = `real-secret-${randomUUID()}`;
    const app = await startNextApp({
      mode: 'start',
      env: withoutFlinks({
        FLINKS_INSTANCE: 'toolbox',
        FLINKS_CUSTOMER_ID: randomUUID(),
        FLINKS_SECRET_KEY: secretKey,
        // Left over from a simulator run: ignored with real credentials.
        FLINKS_CONNECT_URL: 'http://127.0.0.1:9/v2/',
      }),
    });
    try {
      expect(app.backend).toBe('flinks');
      expect(app.simulator).toBeNull();
      // Only the server-rendered page: the browser would call Flinks itself, off this machine.
      const html = (await (await fetch(app.url)).text()).replaceAll('<!-- -->', '');
      expect(html).toContain('Connect is served by the Flinks instance <code>toolbox</code>');
      expect(html).toContain('<p role="status" tabindex="-1">Loading your bank connection…</p>');
      expect(html).not.toContain(secretKey);
      expect(html).not.toContain('127.0.0.1:9');
    } finally {
      await app.close();
    }
  });

  it('started without the run script and without FLINKS_*, names the fix on the page and in the log', async () => {
    const next = await startNext({ mode: 'start', env: withoutFlinks() });
    try {
      const html = await (await fetch(next.url)).text();
      expect(html).toContain(
        'No Flinks instance is configured. Set FLINKS_INSTANCE, FLINKS_CUSTOMER_ID and FLINKS_SECRET_KEY',
      );
      expect(html).not.toContain('<p role="status">');
      const response = await fetch(new URL('/api/flinks/authorize-token', next.url), { method: 'POST' });
      expect(response.status).toBe(500);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(await response.json()).toEqual({ error: 'flinks_not_configured' });
      await expect
        .poll(() => next.output(), eventually)
        .toContain('[flinks] Missing FLINKS_INSTANCE, FLINKS_CUSTOMER_ID, FLINKS_SECRET_KEY. Set');
    } finally {
      await next.close();
    }
  });
});

describe('`next dev`', () => {
  let app: NextApp;

  beforeAll(async () => {
    app = await startNextApp({ mode: 'dev', env: withoutFlinks() });
    // `next dev` compiles a route on its first request: do that here, not inside the browser's
    // timeouts. A GET of the token route compiles it and is refused (405) without minting a token.
    expect((await fetch(app.url)).status).toBe(200);
    expect((await fetch(new URL('/api/flinks/authorize-token', app.url))).status).toBe(405);
    expect(app.simulator!.stats().tokensIssued).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('fetches exactly one token under StrictMode, with no hydration warnings', async () => {
    const page = await open(app, '/', { recordReactRoots: true });
    const token = await page.connectToken();
    // The component really is under StrictMode (mounted, unmounted and mounted again)...
    expect(await flinksConnectStrictModes(page.page)).toEqual([true]);
    // ...and still the iframe got one token, from one request.
    expect(app.simulator!.loadsOf(token)).toBe(1);
    expect(page.tokenRequests).toEqual(['POST']);
    expect(app.simulator!.stats().tokensIssued).toBe(1);
  });

  it('runs the development checks in the browser, each message naming its fix', async () => {
    // Compiles the route before the browser's timeouts start.
    expect((await fetch(new URL('/dev-checks', app.url))).status).toBe(200);
    expect(await devChecksOf(browser, app)).toEqual(DEV_CHECKS.development);
  }, 120_000);
});
