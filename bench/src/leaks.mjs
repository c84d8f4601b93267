// 5. Leaks: what mount/unmount cycles leave on the page (listeners, timers, fetches, DOM nodes)
// and the heap after forced GCs, from the bench page (src/page/harness.tsx, `cycles`, `leakCounts`).
import { openBenchPage } from './browser.mjs';
import { int, table } from './markdown.mjs';
import { LABELS } from './subjects.mjs';

/** @typedef {import('./subjects.mjs').Kind} Kind */

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
