// `pnpm bench` (after the packages are built): every figure of bench/README.md, printed as markdown
// tables and written to bench/results.md; the README's performance section gets the same tables.
// Prints figures, asserts nothing: the budgets on bytes and counts are tests in `pnpm test`.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { bundlePage } from './src/bundle.mjs';
import { launchChromium } from './src/browser.mjs';
import { economyTables, leaksTable, renderCostTable, timeToIframeTable } from './src/browser-bench.mjs';
import { dataPollingTable } from './src/data-polling.mjs';
import { int, median } from './src/markdown.mjs';
import { startBenchServer } from './src/server.mjs';
import { sizeTables } from './src/size.mjs';
import { timeToConnectTable } from './src/time-to-connect/measure.mjs';

const started = Date.now();
const log = (/** @type {string} */ line) =>
  process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}\n`);

// The machine is shared: sample the load while the bench runs, and print it with the figures.
const loads = [os.loadavg()[0] ?? 0];
const sampler = setInterval(() => loads.push(os.loadavg()[0] ?? 0), 2_000);

log('size');
const size = await sizeTables();
log('bundling the bench page (React production and development builds)');
const bundles = { production: await bundlePage('production'), development: await bundlePage('development') };
const server = await startBenchServer(bundles);
const browser = await launchChromium();
/** @type {string[]} */
let sections;
try {
  sections = [
    size.markdown,
    await economyTables(browser, server, { rerenders: 1_000, remounts: 100, log }),
    await timeToIframeTable(browser, server, { runs: 21, latencies: [0, 50, 200], log }),
    await renderCostTable(browser, server, { renders: 1_000, rounds: 15, log }),
    await leaksTable(browser, server, { cycles: 1_000, log }),
    await dataPollingTable({ polls: [3, 5, 10], intervalMs: 50, runs: 7, log }),
    // Its own browser and server: a throttled, phone-like Chromium and a server that renders pages.
    await timeToConnectTable({ runs: 9, log }),
  ];
} finally {
  clearInterval(sampler);
  var chromiumVersion = browser.version();
  await browser.close();
  await server.close();
}

const reactVersion = JSON.parse(
  readFileSync(new URL('../node_modules/react/package.json', import.meta.url), 'utf8'),
).version;
const cpus = os.cpus();
const header = [
  `Measured ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')} in ${int((Date.now() - started) / 1000)} s on ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${int(os.totalmem() / 2 ** 30)} GB, ${os.type()} ${os.release()}; Node ${process.version}, Chromium ${chromiumVersion}, React ${reactVersion}.`,
  `Load average (1 min) during the run: ${(loads[0] ?? 0).toFixed(2)} at the start, median ${median(loads).toFixed(2)}, max ${Math.max(...loads).toFixed(2)}. The machine is shared: compare figures within this run (medians, ratios), not with another run's absolute times.`,
].join('\n');

const body = `${header}\n\n${sections.join('\n\n')}\n`;
process.stdout.write(`\n${body}`);

writeFileSync(
  new URL('./results.md', import.meta.url),
  `# pnpm bench: latest results\n\nWritten by \`pnpm bench\`; bench/README.md says how to read each figure.\n\n${body}`,
);

// The README's performance section is the span between these two markers.
const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const readme = readFileSync(readmePath, 'utf8');
const start = '<!-- pnpm bench: start -->';
const end = '<!-- pnpm bench: end -->';
const from = readme.indexOf(start);
const to = readme.indexOf(end);
if (from !== -1 && to > from) {
  const tables = body.replaceAll(/^### /gm, '#### ');
  writeFileSync(readmePath, `${readme.slice(0, from + start.length)}\n${tables}${readme.slice(to)}`);
  log('wrote bench/results.md and the README performance section');
} else {
  log(`wrote bench/results.md (README.md has no "${start}" ... "${end}" section to update)`);
}
log(`done in ${int((Date.now() - started) / 1000)} s`);
