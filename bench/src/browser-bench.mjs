// 2-5. The Chromium parts: token economy, time to iframe, render cost, leaks. Every figure comes
// from the bench page (src/page/harness.tsx); this file drives it and makes tables.
import { int, median, ms, ratio, table } from './markdown.mjs';
import { openBenchPage } from './browser.mjs';

/** @typedef {import('./page/harness').Counts} Counts */
/** @typedef {'flinks' | 'naive-mount' | 'naive-deps' | 'plaid'} Kind */

export const LABELS = {
  flinks: '`<FlinksConnect>`',
  'naive-mount': 'naive embed, mount-only effect',
  'naive-deps': 'naive embed, lint-clean effect',
  plaid: "`<PlaidEmbeddedLink>` (counting stand-in for Plaid's script)",
  floor: 'floor: bare `fetch` + bare iframe, no React',
};

/**
 * @param {import('playwright-core').Page} page
 * @param {Kind} kind @param {string} blankUrl @param {number} rerenders @param {number} remounts
 * @returns {Promise<{ mount: Counts, rerendered: Counts, remounted: Counts }>}
 */
export const economy = (page, kind, blankUrl, rerenders, remounts) =>
  page.evaluate(
    ([k, u, r, m]) => window.bench.economy(k, u, r, m),
    /** @type {const} */ ([kind, blankUrl, rerenders, remounts]),
  );

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, blankUrl: string }} server
 * @param {{ rerenders: number, remounts: number, log: (line: string) => void }} options
 */
export async function economyTables(browser, server, { rerenders, remounts, log }) {
  const sections = [];
  for (const build of /** @type {const} */ (['production', 'development'])) {
    const { page, context, errors } = await openBenchPage(
      browser,
      `${server.origin}/?build=${build}&isolated=1`,
    );
    const rows = [];
    for (const kind of /** @type {Kind[]} */ (['flinks', 'naive-mount', 'naive-deps', 'plaid'])) {
      log(`token economy: ${build}, ${kind}`);
      const { mount, rerendered, remounted } = await economy(
        page,
        kind,
        server.blankUrl,
        rerenders,
        remounts,
      );
      const plaid = kind === 'plaid';
      const dash = (/** @type {number} */ n) => (plaid ? '–' : int(n));
      rows.push([
        LABELS[kind],
        dash(mount.fetches),
        dash(rerendered.fetches),
        dash(rerendered.tokens),
        int(rerendered.insertions),
        int(rerendered.srcChanges),
        plaid ? `${int(rerendered.creates)} / ${int(rerendered.destroys)}` : '–',
        dash(remounted.fetches),
        dash(remounted.minted),
        dash(remounted.tokens),
        dash(remounted.maxLoadsPerToken),
      ]);
    }
    await context.close();
    if (errors.length) throw new Error(`bench page (${build}) reported errors: ${errors.join('; ')}`);
    sections.push(
      [
        `React 19 ${build} build, \`<StrictMode>\`; ${int(rerenders)} parent re-renders with inline props (fetcher, callbacks, \`params\`), then ${int(remounts)} remounts (new \`key\`).`,
        '',
        table(
          [
            'subject',
            '1 mount: fetches',
            're-renders: fetches',
            'tokens loaded',
            'iframe insertions',
            '`src` changes',
            'Plaid creates / destroys',
            'remounts: fetches',
            'tokens minted',
            'tokens loaded',
            'most loads of one token',
          ],
          rows,
        ),
      ].join('\n'),
    );
  }
  return ['### Token economy', '', ...sections.flatMap((section) => [section, ''])].join('\n').trimEnd();
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, simulator: import('@flinks-embed/simulator').FlinksSimulator }} server
 * @param {{ runs: number, latencies: number[], log: (line: string) => void }} options
 */
export async function timeToIframeTable(browser, server, { runs, latencies, log }) {
  const { page, context, errors } = await openBenchPage(browser, `${server.origin}/?build=production`);
  const connectUrl = server.simulator.connectUrl;
  /** @param {'flinks' | 'naive-mount' | 'floor'} kind */
  const once = (kind) =>
    page.evaluate(([k, u]) => window.bench.timeToIframe(k, u), /** @type {const} */ ([kind, connectUrl]));
  const kinds = /** @type {const} */ (['flinks', 'naive-mount', 'floor']);
  // Warm-up: the first loads pay for compiling the page's code and starting the frame's process.
  server.simulator.setFaults({ tokenLatencyMs: 0 });
  for (let i = 0; i < 3; i++) for (const kind of kinds) await once(kind);
  const rows = [];
  for (const latency of latencies) {
    log(`time to iframe: token latency ${latency} ms`);
    server.simulator.setFaults({ tokenLatencyMs: latency });
    /** @type {Record<string, { srcMs: number[], mountedMs: number[] }>} */
    const samples = Object.fromEntries(kinds.map((kind) => [kind, { srcMs: [], mountedMs: [] }]));
    for (let run = 0; run < runs; run++) {
      // Alternated, in a rotating order, so drift in the machine's load hits every subject alike.
      for (let i = 0; i < kinds.length; i++) {
        const kind = /** @type {typeof kinds[number]} */ (kinds[(run + i) % kinds.length]);
        const { srcMs, mountedMs } = await once(kind);
        samples[kind]?.srcMs.push(srcMs);
        samples[kind]?.mountedMs.push(mountedMs);
      }
    }
    const m = (/** @type {string} */ kind, /** @type {'srcMs' | 'mountedMs'} */ field) =>
      median(samples[kind]?.[field] ?? []);
    rows.push([
      `${latency} ms`,
      ms(m('flinks', 'srcMs')),
      ms(m('naive-mount', 'srcMs')),
      ratio(m('flinks', 'srcMs') / m('naive-mount', 'srcMs')),
      ms(m('floor', 'srcMs')),
      ms(m('flinks', 'mountedMs')),
      ms(m('naive-mount', 'mountedMs')),
      ratio(m('flinks', 'mountedMs') / m('naive-mount', 'mountedMs')),
      ms(m('floor', 'mountedMs')),
    ]);
  }
  server.simulator.setFaults({ tokenLatencyMs: 0 });
  await context.close();
  if (errors.length) throw new Error(`bench page reported errors: ${errors.join('; ')}`);
  return [
    '### Time to iframe',
    '',
    `Medians of ${runs} runs each, alternated in one page (React 19 production build); the token comes from the app's endpoint (\`@flinks-embed/server\`), which mints it from the simulator with the given latency; Connect is the simulator's page on another site (\`127.0.0.1\` under a \`localhost\` page). "src" is mount to the iframe's \`src\` set, "APP_MOUNTED" mount to Connect's first message.`,
    '',
    table(
      [
        'token latency',
        '`<FlinksConnect>` src',
        'naive src',
        'ratio',
        'floor src',
        '`<FlinksConnect>` APP_MOUNTED',
        'naive APP_MOUNTED',
        'ratio',
        'floor APP_MOUNTED',
      ],
      rows,
    ),
  ].join('\n');
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, blankUrl: string }} server
 * @param {{ renders: number, rounds: number, log: (line: string) => void }} options
 */
export async function renderCostTable(browser, server, { renders, rounds, log }) {
  const kinds = /** @type {const} */ (['flinks', 'naive-mount', 'naive-deps']);
  const rows = [];
  for (const build of /** @type {const} */ (['production', 'development'])) {
    log(`render cost: ${build}`);
    const { page, context, errors } = await openBenchPage(
      browser,
      `${server.origin}/?build=${build}&isolated=1`,
    );
    /** @type {Record<'robustUs' | 'meanUs', Record<string, number[]>>} */
    const samples = { robustUs: {}, meanUs: {} };
    /** @type {Record<'robustUs' | 'meanUs', Record<string, number[]>>} the ratios within each round */
    const ratios = { robustUs: {}, meanUs: {} };
    for (let round = -1; round < rounds; round++) {
      /** @type {Record<string, { robustUs: number, meanUs: number }>} */
      const inRound = {};
      for (let i = 0; i < kinds.length; i++) {
        const kind = /** @type {typeof kinds[number]} */ (kinds[(round + 1 + i) % kinds.length]);
        inRound[kind] = await page.evaluate(
          ([k, u, n]) => window.bench.renderCost(k, u, n),
          /** @type {const} */ ([kind, server.blankUrl, renders]),
        );
      }
      if (round < 0) continue; // round -1 warms the JIT up
      for (const figure of /** @type {const} */ (['robustUs', 'meanUs'])) {
        for (const kind of kinds) {
          (samples[figure][kind] ??= []).push(inRound[kind]?.[figure] ?? NaN);
          (ratios[figure][kind] ??= []).push(
            (inRound.flinks?.[figure] ?? NaN) / (inRound[kind]?.[figure] ?? NaN),
          );
        }
      }
    }
    await context.close();
    if (errors.length) throw new Error(`bench page (${build}) reported errors: ${errors.join('; ')}`);
    for (const figure of /** @type {const} */ (['robustUs', 'meanUs'])) {
      const m = (/** @type {string} */ kind) => median(samples[figure][kind] ?? []);
      const r = (/** @type {string} */ kind) => median(ratios[figure][kind] ?? []);
      rows.push([
        `${build === 'production' ? 'production (react-dom/profiling)' : 'development'}, ${figure === 'robustUs' ? 'without outliers' : 'every render'}`,
        `${m('flinks').toFixed(1)} µs`,
        `${m('naive-mount').toFixed(1)} µs`,
        `${m('naive-deps').toFixed(1)} µs`,
        ratio(r('naive-mount')),
        ratio(r('naive-deps')),
      ]);
    }
  }
  return [
    '### Render cost',
    '',
    `React Profiler \`actualDuration\` of the subject per parent re-render with inline props. In each of ${rounds} rounds (after a warm-up round) every subject takes ${int(renders)} re-renders, in a rotating order; the table has the medians over the rounds of each subject's mean, and the median of the ratios within a round. "Without outliers" leaves out renders over 5x the median and over 50 µs (the OS preempted them, or a GC ran); "every render" keeps them. The page is cross-origin isolated, so \`performance.now()\` has 5 µs steps. Goal: \`<FlinksConnect>\` at most 1.5x the naive embed.`,
    '',
    table(
      [
        'React 19 build, renders counted',
        '`<FlinksConnect>`',
        'naive, mount-only',
        'naive, lint-clean',
        'ratio to mount-only',
        'ratio to lint-clean',
      ],
      rows,
    ),
  ].join('\n');
}

/**
 * @param {import('playwright-core').Browser} browser
 * @param {{ origin: string, blankUrl: string }} server
 * @param {{ cycles: number, log: (line: string) => void }} options
 */
export async function leaksTable(browser, server, { cycles, log }) {
  /** @type {[Kind, 'production' | 'development'][]} */
  const subjects = [
    ['flinks', 'production'],
    ['flinks', 'development'],
    ['naive-mount', 'production'],
    ['naive-deps', 'production'],
  ];
  const rows = [];
  for (const [kind, build] of subjects) {
    log(`leaks: ${kind}, ${build}`);
    const { page, context, errors } = await openBenchPage(
      browser,
      `${server.origin}/?build=${build}&isolated=1`,
    );
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    const run = (/** @type {number} */ n) =>
      page.evaluate(
        ([k, u, c]) => window.bench.cycles(k, u, c),
        /** @type {const} */ ([kind, server.blankUrl, n]),
      );
    const counts = () => page.evaluate(() => window.bench.leakCounts());
    const before = await counts();
    const marks = [cycles / 10, cycles / 2, cycles];
    /** @type {number[]} */
    const heaps = [];
    let done = 0;
    for (const mark of marks) {
      await run(mark - done);
      done = mark;
      heaps.push(await heap());
    }
    const after = await counts();
    await context.close();
    if (errors.length) throw new Error(`bench page (${build}) reported errors: ${errors.join('; ')}`);
    const delta = (/** @type {'message' | 'online' | 'visibilitychange'} */ type) =>
      int((after.listeners[type] ?? 0) - (before.listeners[type] ?? 0));
    rows.push([
      `${LABELS[kind]}, ${build}`,
      delta('message'),
      delta('online'),
      delta('visibilitychange'),
      int(after.timers - before.timers),
      int(after.fetches - before.fetches),
      int(after.domNodes - before.domNodes),
      ...heaps.map((size) => `${int(size / 1024)} KB`),
      `${(heaps[2] ?? 0) >= (heaps[1] ?? 0) ? '+' : ''}${int(((heaps[2] ?? 0) - (heaps[1] ?? 0)) / 1024)} KB`,
    ]);
  }
  return [
    '### Leaks',
    '',
    `Left on the page after ${int(cycles)} mount/unmount cycles under \`<StrictMode>\` (every other one unmounted before its token arrived), against the page before the first mount. JS heap after forced GCs, after ${int(cycles / 10)}, ${int(cycles / 2)} and ${int(cycles)} cycles: it grows at first while the page's code warms up, then must stay flat. Goal: 0, 0, 0, 0, 0, 0, flat.`,
    '',
    table(
      [
        'subject',
        '`message` listeners',
        '`online` listeners',
        '`visibilitychange` listeners',
        'pending timers',
        'pending fetches',
        'DOM nodes',
        `heap after ${int(cycles / 10)}`,
        `after ${int(cycles / 2)}`,
        `after ${int(cycles)}`,
        `growth over the last ${int(cycles / 2)}`,
      ],
      rows,
    ),
  ].join('\n');
}
