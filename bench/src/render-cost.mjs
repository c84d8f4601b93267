// 4. Render cost: React Profiler time per parent re-render, measured by the bench page
// (src/page/harness.tsx, `renderCost`).
import { openBenchPage } from './browser.mjs';
import { int, median, ratio, table } from './markdown.mjs';

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
