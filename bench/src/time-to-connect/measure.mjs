// "Time to Connect": from navigation start to the iframe's request and to Connect's APP_MOUNTED,
// for one app page in seven variants, alternated in one run, in Chromium throttled like a phone.
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromiumArgs, launchChromium } from '../browser.mjs';
import { int, median, ratio, table } from '../markdown.mjs';
import { startFlinksSimulator } from '@flinks-embed/simulator';
import { fillerScript } from './filler.mjs';
import { startNextVariant } from './next-variant.mjs';
import { startTimeToConnectServer, VARIANTS } from './server.mjs';

/** About a mid-range phone on a slow 4G link: round trips, bandwidth (bytes/s), CPU slowdown. */
export const PHONE = { latencyMs: 150, downloadBps: 1_600_000 / 8, uploadBps: 750_000 / 8, cpuSlowdown: 4 };
/** The app's whole bundle, gzipped, React and the page included. */
export const BUNDLE_GZIP_BYTES = 230_000;

/**
 * The variants of server.mjs, then the same page as a Next.js production build (next-variant.mjs),
 * naive and with a server-minted first token.
 */
const ROWS = /** @type {const} */ ([...VARIANTS.slice(0, -1), 'next-naive', 'next', 'floor']);
/** @typedef {(typeof ROWS)[number]} Row */

/** @type {Record<Row, [string, string]>} */
const LABELS = {
  naive: ['naive embed', 'HTML, the bundle, render, a token request, then the iframe'],
  today: ['`<FlinksConnect>`', 'the same chain (the token request one task after the effect)'],
  prefetch: [
    '`<FlinksConnect>` + `prefetchAuthorizeToken`',
    "HTML and the entry: the token request starts there (a route loader) while the route's code downloads",
  ],
  server: [
    '`<FlinksConnect initialToken>` (server-rendered)',
    'the HTML only: the iframe and its token are in it; hydration adopts it',
  ],
  'next-naive': [
    'naive embed in a Next.js production build',
    'the naive chain in that build: its scripts, hydration, the token request, then the iframe',
  ],
  next: [
    '`<FlinksConnect initialToken>` in a Next.js production build',
    'the same, from `next build` + `next start`: a server component mints the token',
  ],
  floor: ['floor: HTML with only the iframe', 'the HTML only, no app at all'],
};

/**
 * The app, code-split as Vite and Next.js build one: a small entry and the route's chunks, with
 * "the rest of the app" in the route's chunk (it runs first, as an app's own modules do before its
 * root renders). Served as files by path; the HTML preloads every chunk.
 * @returns {Promise<{ files: Map<string, string>, gzipped: number }>}
 */
async function bundleApp() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./entry.ts', import.meta.url))],
    bundle: true,
    splitting: true,
    format: 'esm',
    outdir: '/',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const files = new Map(result.outputFiles.map((file) => [file.path, file.text]));
  const gzipped = () =>
    [...files.values()].reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0);
  const app = [...files.keys()].find((path) => path.startsWith('/app-'));
  if (!app) throw new Error('The bench app has no route chunk (src/time-to-connect/app.tsx).');
  files.set(app, fillerScript(BUNDLE_GZIP_BYTES - gzipped()) + files.get(app));
  return { files, gzipped: gzipped() };
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
  const { files, gzipped } = await bundleApp();
  const simulator = await startFlinksSimulator({ port: 0 });
  /** @type {Awaited<ReturnType<typeof startTimeToConnectServer>> | undefined} */
  let server;
  /** @type {Awaited<ReturnType<typeof startNextVariant>> | undefined} */
  let next;
  /** @type {import('playwright-core').Browser | undefined} */
  let browser;
  /** @type {Record<string, { mounted: number[], request: number[] }>} */
  const samples = Object.fromEntries(ROWS.map((v) => [v, { mounted: [], request: [] }]));
  try {
    server = await startTimeToConnectServer(files, simulator);
    log('time to Connect: next build of the Next.js variant');
    next = await startNextVariant(simulator, gzipped);
    const urls = /** @type {Record<Row, string>} */ (
      Object.fromEntries(
        ROWS.map((v) => [v, v === 'next' ? next?.url : v === 'next-naive' ? next?.naiveUrl : server?.url(v)]),
      )
    );
    // A phone runs a cross-site frame in the page's own process (Android isolates only the sites
    // users sign in to), and so the DevTools throttling covers the frame as well as the page.
    browser = await launchChromium({
      args: [
        ...chromiumArgs,
        '--disable-site-isolation-trials',
        '--disable-features=IsolateOrigins,site-per-process',
      ],
    });
    for (let run = 0; run < runs; run++) {
      log(`time to Connect: run ${run + 1} of ${runs}`);
      // Alternated, each run in a rotated order, so no variant always follows the same one.
      for (let i = 0; i < ROWS.length; i++) {
        const variant = /** @type {Row} */ (ROWS[(run + i) % ROWS.length]);
        const { mounted, request } = await measureOnce(browser, urls[variant], simulator.connectUrl);
        samples[variant]?.mounted.push(mounted);
        samples[variant]?.request.push(request);
      }
    }
  } finally {
    await browser?.close();
    await next?.close();
    await server?.close();
    await simulator.close();
  }
  const med = (/** @type {string} */ v, /** @type {'mounted' | 'request'} */ k) =>
    median(samples[v]?.[k] ?? []);
  const rows = ROWS.map((v) => [
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
    `From navigation start to the iframe's request and to Connect's \`APP_MOUNTED\`, medians of ${runs} cold loads per variant, alternated: Chromium throttled through the DevTools protocol to ${PHONE.latencyMs} ms round trips, ${(PHONE.downloadBps * 8) / 1e6} Mbit/s down, ${(PHONE.uploadBps * 8) / 1e3} kbit/s up and a ${PHONE.cpuSlowdown}x CPU slowdown; one app page with a ${int(gzipped / 1000)} KB gzipped bundle (React, the app, and the rest of an app's code), code-split into an entry and the route's chunks; the Next.js page's scripts weigh the same (${int((next?.scriptsGzipped ?? 0) / 1000)} KB gzipped: Next.js's runtime with React, the page, and less of the rest of the app). Ratios are to the naive embed; within the Next.js build, the first token's \`APP_MOUNTED\` is ${ratio(med('next', 'mounted') / med('next-naive', 'mounted'))} its naive embed's.`,
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
