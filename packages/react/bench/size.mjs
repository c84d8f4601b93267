// Prints what an app pays, minified + gzipped, for one component import: <FlinksConnect> against the
// peers it replaces, and where its bytes go. Measures the built files: run `pnpm build` first.
import {
  BUDGET_BYTES,
  measure,
  measureBindingOnly,
  measureBySourceFile,
  measureCoreShare,
  measureFlinksConnect,
  measureHookOnly,
  HOOK_BUDGET_BYTES,
} from './measure-size.mjs';

const bytes = (/** @type {number} */ n) => `${n.toLocaleString('en-US')} B`;
/** @param {string} label @param {{ gzipped: number, minified: number }} size */
const row = (label, size) =>
  console.log(`${label.padEnd(64)}${bytes(size.gzipped).padStart(9)}${bytes(size.minified).padStart(11)}`);

const flinks = await measureFlinksConnect();
const core = await measureCoreShare();
const binding = await measureBindingOnly();

console.log('esbuild bundle, minified, react + react-dom + react/jsx-runtime external; gzip -9\n');
console.log(`${'import'.padEnd(64)}${'gzipped'.padStart(9)}${'minified'.padStart(11)}`);
row('{ FlinksConnect } from @flinks-embed/react (dist + core dist)', flinks);
row('  core alone: what the component imports from core', core);
row('  the React binding alone (core external)', binding);
const hook = await measureHookOnly();
row(`{ useAuthorizeToken } alone (budget ${bytes(HOOK_BUDGET_BYTES)})`, hook);
row(
  '{ PlaidLink } from react-plaid-link 5.0.0',
  await measure(`export { PlaidLink } from 'react-plaid-link';`),
);
row(
  '{ TellerConnect } from teller-connect-react 0.2.3',
  await measure(`export { TellerConnect } from 'teller-connect-react';`),
);

const over = flinks.gzipped - BUDGET_BYTES;
console.log(
  `\nbudget ${bytes(BUDGET_BYTES)} gzipped: ${over > 0 ? `OVER by ${bytes(over)}` : `${bytes(-over)} to spare`}`,
);

const bySource = await measureBySourceFile();
console.log(`\nminified bytes by source file (built from sources: ${bytes(bySource.minified)} in all)`);
for (const { file, bytes: size } of bySource.files) console.log(`${bytes(size).padStart(9)}  ${file}`);
