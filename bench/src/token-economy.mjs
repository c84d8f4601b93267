// 2. Token economy: fetches, tokens and iframe loads for one mount, over parent re-renders and
// over remounts, counted by the bench page (src/page/harness.tsx, `economy`).
import { openBenchPage } from './browser.mjs';
import { int, table } from './markdown.mjs';
import { LABELS } from './subjects.mjs';

/** @typedef {import('./page/harness').Counts} Counts */
/** @typedef {import('./subjects.mjs').Kind} Kind */

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
