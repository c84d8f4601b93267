// app/first-token: the first token minted by the server while it renders the page, the iframe in
// the HTML, and hydration adopting it. Its own `next build` (e2e files run one at a time).
import { execFile } from 'node:child_process';
import { createServer, request as forward } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appRoot, startNextApp, type NextApp } from '../scripts/run.mjs';
import { AppPage, expectText, flinksConnectStrictModes, launchChromium } from './support';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ROUTE = '/first-token';
const FRAME = 'iframe[title="Connect your bank account"]';

/** The environment without any FLINKS_* variable: the run script starts the simulator. */
function withoutFlinks(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('FLINKS_')) delete env[name];
  return env;
}

const tokenOf = (src: string | null | undefined): string | null =>
  new URL(src ?? '', 'http://invalid').searchParams.get('authorizeToken');

let browser: Browser;
let app: NextApp;
let pages: AppPage[] = [];
const sim = () => app.simulator!;

beforeAll(async () => {
  const nextBin = createRequire(path.join(appRoot, 'package.json')).resolve('next/dist/bin/next');
  await promisify(execFile)(process.execPath, [nextBin, 'build'], {
    cwd: appRoot,
    env: withoutFlinks(),
    maxBuffer: 16 * 1024 * 1024,
  });
  [browser, app] = await Promise.all([
    launchChromium(),
    startNextApp({ mode: 'start', env: withoutFlinks() }),
  ]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

afterEach(async () => {
  const problems = pages.flatMap((page) => page.problems);
  await Promise.all(pages.map((page) => page.close()));
  pages = [];
  expect(problems).toEqual([]);
});

async function open(route = ROUTE, before?: (page: AppPage['page']) => Promise<void>): Promise<AppPage> {
  const page = await AppPage.open(browser, new URL(route, app.url).href, { before });
  pages.push(page);
  return page;
}

/** When the page saw each step, and when React hydrated (its first commit), on the page's clock. */
async function timeline(page: AppPage['page']) {
  return page.evaluate(() => (window as unknown as { timeline: Record<string, number> }).timeline);
}

/**
 * Records `timeline` (above), and holds the app's JavaScript until Connect has mounted, as on a
 * slow phone, where APP_MOUNTED came before hydration in every run of the prototype.
 */
async function holdTheAppUntilConnectMounts(page: AppPage['page']): Promise<void> {
  let mounted!: () => void;
  const connectMounted = new Promise<void>((resolve) => (mounted = resolve));
  await page.exposeFunction('connectMounted', () => mounted());
  await page.route('**/_next/static/chunks/**', async (route) => {
    await connectMounted;
    await route.continue();
  });
  await page.addInitScript(() => {
    const timeline: Record<string, number> = {};
    Object.assign(window, { timeline });
    window.addEventListener('message', (event) => {
      const step = (event.data as { step?: string } | null)?.step;
      if (!step || step in timeline) return;
      timeline[step] = performance.now();
      if (step === 'APP_MOUNTED') (window as unknown as { connectMounted?: () => void }).connectMounted?.();
    });
    // React calls this hook on every commit; the first one is hydration.
    Object.assign(window, {
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        renderers: new Map(),
        supportsFiber: true,
        inject() {
          return 1;
        },
        onCommitFiberRoot() {
          timeline.hydrated ??= performance.now();
        },
        onCommitFiberUnmount() {},
        onPostCommitFiberRoot() {},
      },
    });
  });
}

/** A server on loopback that answers the first-token page with `html`, and forwards the rest to the app. */
async function sameHtmlTwice(html: string): Promise<{ url: string; close: () => Promise<void> }> {
  const target = new URL(app.url);
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === ROUTE) {
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    }
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        path: request.url,
        method: request.method,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('a first token minted on the server (app/first-token)', () => {
  it('puts the iframe with its token in the HTML, a new token per request, sent private and no-store', async () => {
    const before = sim().stats().tokensIssued;
    const [first, second] = await Promise.all([
      fetch(new URL(ROUTE, app.url)),
      fetch(new URL(ROUTE, app.url)),
    ]);
    const tokens = [];
    for (const response of [first!, second!]) {
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toMatch(/\bprivate\b/);
      expect(response.headers.get('cache-control')).toMatch(/\bno-store\b/);
      const iframe = /<iframe [^>]*>/.exec(await response.text())?.[0] ?? '';
      expect(iframe).toMatch(/ name="flinks-connect-[0-9a-z]+"/);
      tokens.push(tokenOf(/ src="([^"]+)"/.exec(iframe)?.[1]?.replaceAll('&amp;', '&')));
    }
    expect(tokens[0]).toMatch(GUID);
    expect(tokens[1]).toMatch(GUID);
    expect(tokens[0]).not.toBe(tokens[1]);
    expect(sim().stats().tokensIssued - before).toBe(2);
  });

  it('hydrates onto that iframe: one load, no fetch, no warning, APP_MOUNTED before hydration, no false timeout', async () => {
    const page = await open(ROUTE, async (p) => {
      await holdTheAppUntilConnectMounts(p);
      // The page's timers under the test's control: a load watchdog left running would fire below.
      await p.clock.install();
    });
    const token = await page.connectToken();
    const seen = await timeline(page.page);
    expect(seen.APP_MOUNTED).toBeLessThan(seen.hydrated!);
    await page.page.clock.runFor(120_000);
    expect(await page.page.getByRole('alert', { name: /could not be loaded/ }).count()).toBe(0);
    expect(await page.page.locator(FRAME).count()).toBe(1);
    expect(sim().loadsOf(token)).toBe(1);
    expect(page.tokenRequests).toEqual([]);
  });

  it('after a flow, Back and Reload load no spent token and show no error', async () => {
    const before = sim().stats();
    const page = await open();
    const first = await page.connectToken();
    await page.completeFlow();
    await expectText(page.page.getByTestId('result-loginId'), GUID);

    await page.page.reload();
    const reloaded = await page.connectToken();
    await page.page.goto(new URL('/', app.url).href);
    await page.page.goBack();
    const back = await page.connectToken();

    // Back may restore the page from the browser's cache (nothing loads) or load it anew: either
    // way no token is loaded a second time.
    expect(reloaded).not.toBe(first);
    for (const token of new Set([first, reloaded, back])) expect(sim().loadsOf(token)).toBe(1);
    expect(sim().stats().rejected).toEqual(before.rejected);
    expect(await page.page.getByRole('alert', { name: /could not be loaded/ }).count()).toBe(0);
  });

  it('recovers when the same HTML is served twice: the spent token is replaced once, with no error shown', async () => {
    const html = await (await fetch(new URL(ROUTE, app.url))).text();
    const spent = tokenOf(/<iframe[^>]* src="([^"]+)"/.exec(html)?.[1]?.replaceAll('&amp;', '&'));
    expect(spent).toMatch(GUID);
    // A cache in front of the app that should not be there: the same HTML for every request of
    // the page, everything else from the app.
    const cache = await sameHtmlTwice(html);
    try {
      const once = await AppPage.open(browser, new URL(ROUTE, cache.url).href);
      pages.push(once);
      expect(await once.connectToken()).toBe(spent);
      const again = await AppPage.open(browser, new URL(ROUTE, cache.url).href);
      pages.push(again);
      const fresh = await again.connectToken();
      expect(fresh).not.toBe(spent);
      expect(again.tokenRequests).toEqual(['POST']);
      expect(sim().loadsOf(spent!)).toBe(2);
      expect(sim().loadsOf(fresh)).toBe(1);
      expect(
        await again.page
          .getByRole('alert')
          .filter({ hasText: /could not be loaded/ })
          .count(),
      ).toBe(0);
      const steps = await again.page.evaluate(() =>
        (window as unknown as { connectMessages: { step?: string }[] }).connectMessages.map((m) => m.step),
      );
      expect(steps.filter((step) => step === 'TOKEN_INVALID')).toHaveLength(1);
    } finally {
      await cache.close();
    }
  });

  it('falls back to the token route when the server mint fails', async () => {
    sim().setFaults({ failNextTokenRequests: 1, tokenErrorStatus: 503 });
    const page = await open();
    const token = await page.connectToken();
    expect(sim().loadsOf(token)).toBe(1);
    // The page came without an iframe, so the component asked the token route.
    expect(page.tokenRequests).toEqual(['POST']);
  });
});

describe('a client-side navigation to the first-token page', () => {
  it('creates its iframe on the client, so a Connect that cannot load is a load error with Try again', async () => {
    const page = await open('/', (p) => p.clock.install());
    await page.connectToken();
    // Connect unreachable from here on: the next page's iframe gets a network error.
    const connectOrigin = new URL(sim().connectUrl).origin;
    await page.page.route(
      (url) => url.origin === connectOrigin,
      (route) => route.abort(),
    );
    await page.page.getByRole('link', { name: "Connect in the server's HTML" }).click();
    await page.page.waitForURL(new URL(ROUTE, app.url).href);
    const src = await page.page.locator(FRAME).getAttribute('src');
    expect(tokenOf(src)).toMatch(GUID);
    await page.page.clock.runFor(120_000);
    const alert = page.page.getByRole('alert', { name: /could not be loaded/ });
    await alert.waitFor();
    // The first token came from the server component: the token route was asked only by `/`.
    expect(page.tokenRequests).toEqual(['POST']);

    await page.page.unrouteAll();
    await page.page.getByRole('button', { name: 'Try again' }).click();
    const token = await page.connectToken();
    expect(token).not.toBe(tokenOf(src));
    expect(sim().loadsOf(token)).toBe(1);
    expect(page.tokenRequests).toEqual(['POST', 'POST']);
  });
});

describe('a first token minted on the server, in `next dev` (StrictMode)', () => {
  let dev: NextApp;

  beforeAll(async () => {
    dev = await startNextApp({ mode: 'dev', env: withoutFlinks() });
    // `next dev` compiles a route on its first request: here, not inside the browser's timeouts.
    expect((await fetch(new URL(ROUTE, dev.url))).status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await dev?.close();
  });

  it('hydrates onto the server iframe under StrictMode: one load, no fetch, no warning', async () => {
    const page = await AppPage.open(browser, new URL(ROUTE, dev.url).href, { recordReactRoots: true });
    pages.push(page);
    const token = await page.connectToken();
    expect(await flinksConnectStrictModes(page.page)).toEqual([true]);
    expect(dev.simulator!.loadsOf(token)).toBe(1);
    expect(page.tokenRequests).toEqual([]);
    expect(await page.page.locator(FRAME).count()).toBe(1);
  });
});
