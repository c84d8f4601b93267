// "Time to Connect": from navigation start to the iframe's request and to Connect's APP_MOUNTED,
// for one app page in five variants, alternated in one run, in Chromium throttled like a phone.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromiumArgs, launchChromium } from '../browser.mjs';
import { int, median, ratio, table } from '../markdown.mjs';
import { fillerScript } from './filler.mjs';
import { startTimeToConnectServer, VARIANTS } from './server.mjs';

/** About a mid-range phone on a slow 4G link: round trips, bandwidth (bytes/s), CPU slowdown. */
export const PHONE = { latencyMs: 150, downloadBps: 1_600_000 / 8, uploadBps: 750_000 / 8, cpuSlowdown: 4 };
/** The app's whole bundle, gzipped, React and the page included. */
export const BUNDLE_GZIP_BYTES = 230_000;

/** @type {Record<import('./server.mjs').Variant, [string, string]>} */
const LABELS = {
  naive: ['naive embed', 'HTML, the bundle, render, a token request, then the iframe'],
  today: ['`<FlinksConnect>`', 'the same chain (the token request one task after the effect)'],
  prefetch: [
    '`<FlinksConnect>` + `prefetchAuthorizeToken`',
    'HTML, the bundle; the token request starts before the app starts up and renders',
  ],
  server: [
    '`<FlinksConnect initialToken>` (server-rendered)',
    'the HTML only: the iframe and its token are in it; hydration adopts it',
  ],
  floor: ['floor: HTML with only the iframe', 'the HTML only, no app at all'],
};

async function bundleApp() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./app.tsx', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const app = /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).text;
  // The rest of the app runs first, as an app's own modules do before its root renders.
  const script = fillerScript(BUNDLE_GZIP_BYTES - gzipSync(app, { level: 9 }).length) + app;
  return { script, gzipped: gzipSync(script, { level: 9 }).length };
}

/**
 * One cold load of one variant: a new context (empty cache), the phone profile through the
 * DevTools protocol, and times read from the page's own clock (0 = navigation start).
 * @param {import('playwright-core').Browser} browser @param {string} url @param {string} connectUrl
 */
async function measureOnce(browser, url, connectUrl) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: PHONE.latencyMs,
      downloadThroughput: PHONE.downloadBps,
      uploadThroughput: PHONE.uploadBps,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpuSlowdown });
    // Before any script of the page: the app may not be listening yet when Connect mounts.
    await page.addInitScript(() => {
      addEventListener('message', (event) => {
        let data = event.data;
        try {
          if (typeof data === 'string') data = JSON.parse(data);
        } catch {
          return;
        }
        const w = /** @type {{ appMounted?: number }} */ (/** @type {unknown} */ (window));
        if (data?.step === 'APP_MOUNTED' && w.appMounted === undefined) w.appMounted = performance.now();
      });
    });
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      (base) => {
        const mounted = /** @type {{ appMounted?: number }} */ (/** @type {unknown} */ (window)).appMounted;
        const frame = performance
          .getEntriesByType('resource')
          .find(
            (entry) =>
              entry.name.startsWith(base) &&
              /** @type {PerformanceResourceTiming} */ (entry).initiatorType === 'iframe',
          );
        return mounted !== undefined && frame ? { mounted, request: frame.startTime } : undefined;
      },
      connectUrl,
      { timeout: 90_000, polling: 250 },
    );
    return /** @type {{ mounted: number, request: number }} */ (await handle.jsonValue());
  } finally {
    await context.close();
  }
}

/**
 * @param {{ runs?: number, log?: (line: string) => void }} [options]
 */
export async function timeToConnectTable({ runs = 9, log = () => {} } = {}) {
  const { script, gzipped } = await bundleApp();
  const server = await startTimeToConnectServer(script);
  // A phone runs a cross-site frame in the page's own process (Android isolates only the sites
  // users sign in to), and so the DevTools throttling covers the frame as well as the page.
  const browser = await launchChromium({
    args: [
      ...chromiumArgs,
      '--disable-site-isolation-trials',
      '--disable-features=IsolateOrigins,site-per-process',
    ],
  });
  /** @type {Record<string, { mounted: number[], request: number[] }>} */
  const samples = Object.fromEntries(VARIANTS.map((v) => [v, { mounted: [], request: [] }]));
  try {
    for (let run = 0; run < runs; run++) {
      log(`time to Connect: run ${run + 1} of ${runs}`);
      // Alternated, each run in a rotated order, so no variant always follows the same one.
      for (let i = 0; i < VARIANTS.length; i++) {
        const variant = /** @type {import('./server.mjs').Variant} */ (VARIANTS[(run + i) % VARIANTS.length]);
        const { mounted, request } = await measureOnce(browser, server.url(variant), server.connectUrl);
        samples[variant]?.mounted.push(mounted);
        samples[variant]?.request.push(request);
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (/** @type {string} */ v, /** @type {'mounted' | 'request'} */ k) =>
    median(samples[v]?.[k] ?? []);
  const rows = VARIANTS.map((v) => [
    LABELS[v][0],
    `${int(med(v, 'request'))} ms`,
    ratio(med(v, 'request') / med('naive', 'request')),
    `${int(med(v, 'mounted'))} ms`,
    ratio(med(v, 'mounted') / med('naive', 'mounted')),
    LABELS[v][1],
  ]);
  return [
    '### Time to Connect',
    '',
    `From navigation start to the iframe's request and to Connect's \`APP_MOUNTED\`, medians of ${runs} cold loads per variant, alternated: Chromium throttled through the DevTools protocol to ${PHONE.latencyMs} ms round trips, ${(PHONE.downloadBps * 8) / 1e6} Mbit/s down, ${(PHONE.uploadBps * 8) / 1e3} kbit/s up and a ${PHONE.cpuSlowdown}x CPU slowdown; one app page with a ${int(gzipped / 1000)} KB gzipped bundle (React, the app, and the rest of an app's code). Ratios are to the naive embed.`,
    '',
    table(['variant', 'iframe request', '× naive', '`APP_MOUNTED`', '× naive', 'waits for'], rows, [
      'l',
      'r',
      'r',
      'r',
      'r',
      'l',
    ]),
  ].join('\n');
}
