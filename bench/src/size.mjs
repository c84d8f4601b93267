// 1. Size: what an app pays for each import (esbuild, minified, React external, NODE_ENV=production,
// gzip -9), the peers and the naive embed measured the same way in the same run.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUDGET_BYTES,
  measure as measureFrom,
  measureBySourceFile as measureSourcesFrom,
  REACT_EXTERNAL,
} from '@flinks-embed/test-support/size';
import { bytes, table } from './markdown.mjs';

// Every import is resolved from here, as an app's bundler resolves it: the packages' built files.
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const measure = (/** @type {string} */ contents) =>
  measureFrom(contents, benchDir, { external: REACT_EXTERNAL });
const measureFlinksConnect = () => measure(`export { FlinksConnect } from '@flinks-embed/react';`);
const measureHook = () => measure(`export { useAuthorizeToken } from '@flinks-embed/react';`);
// The same import from the TypeScript sources, to see where the bytes go.
const measureBySourceFile = () =>
  measureSourcesFrom(`export { FlinksConnect } from '@flinks-embed/react';`, benchDir, {
    external: REACT_EXTERNAL,
  });

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const naive = JSON.stringify(fileURLToPath(new URL('./naive-embed.tsx', import.meta.url)));

export async function sizeTables() {
  const flinks = await measureFlinksConnect();
  /** @type {[string, Promise<{ gzipped: number, minified: number }>][]} */
  const rows = [
    ['`{ FlinksConnect }` from @flinks-embed/react (core included)', Promise.resolve(flinks)],
    ['`{ useAuthorizeToken }` from @flinks-embed/react alone', measureHook()],
    [
      '`{ buildConnectUrl }` from @flinks-embed/core alone',
      measure(`export { buildConnectUrl } from '@flinks-embed/core';`),
    ],
    [
      '`{ usePlaidLink }` from react-plaid-link 5.0.0',
      measure(`export { usePlaidLink } from 'react-plaid-link';`),
    ],
    ['`{ PlaidLink }` from react-plaid-link 5.0.0', measure(`export { PlaidLink } from 'react-plaid-link';`)],
    [
      '`{ PlaidEmbeddedLink }` from react-plaid-link 5.0.0',
      measure(`export { PlaidEmbeddedLink } from 'react-plaid-link';`),
    ],
    [
      '`{ useTellerConnect }` from teller-connect-react 0.2.3',
      measure(`export { useTellerConnect } from 'teller-connect-react';`),
    ],
    [
      'naive embed, mount-only effect (bench/src/naive-embed.tsx)',
      measure(`export { NaiveEmbed } from ${naive};`),
    ],
    [
      'naive embed, lint-clean effect (bench/src/naive-embed.tsx)',
      measure(`export { NaiveEmbedWithDeps } from ${naive};`),
    ],
  ];
  const measured = [];
  /** @type {[string, number][]} */
  const peers = [];
  for (const [label, size] of rows) {
    const { gzipped, minified } = await size;
    measured.push([label, bytes(gzipped), bytes(minified)]);
    if (/react-plaid-link|teller-connect-react/.test(label)) peers.push([label, gzipped]);
  }
  const [smallestPeer, smallest] = peers.reduce((a, b) => (b[1] < a[1] ? b : a));
  const bySource = await measureBySourceFile();
  const over = flinks.gzipped - BUDGET_BYTES;
  const overPeer = flinks.gzipped - smallest;
  return {
    gzipped: flinks.gzipped,
    markdown: [
      '### Size',
      '',
      'esbuild bundle, minified, `react`, `react-dom` and `react/jsx-runtime` external, `NODE_ENV=production`, gzip -9.',
      '',
      table(['import', 'gzipped', 'minified'], measured),
      '',
      `DESIGN.md's budget for \`<FlinksConnect>\`: ${bytes(BUDGET_BYTES)} gzipped; ${
        over > 0 ? `over by ${bytes(over)}` : `${bytes(-over)} to spare`
      }. Against the smallest peer, ${smallestPeer} (${bytes(smallest)}): ${
        overPeer >= 0 ? `${bytes(overPeer)} more` : `${bytes(-overPeer)} less`
      }.`,
      '',
      `Where the component's bytes go (minified, before gzip, which works on the whole; built from the sources as the dist is: ${bytes(bySource.minified)} in all):`,
      '',
      table(
        ['source file', 'minified', 'share'],
        bySource.files.map(({ file, bytes: size }) => [
          `\`${path.relative(repoRoot, path.resolve(file))}\``,
          bytes(size),
          `${((100 * size) / bySource.minified).toFixed(0)} %`,
        ]),
      ),
    ].join('\n'),
  };
}
