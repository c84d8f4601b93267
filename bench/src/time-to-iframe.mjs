// 3. Time to iframe: mount to `src` and to Connect's first message against the simulator, timed
// by the bench page (src/page/harness.tsx, `timeToIframe`).
import { openBenchPage } from './browser.mjs';
import { median, ms, ratio, table } from './markdown.mjs';

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
