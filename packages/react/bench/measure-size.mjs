// What an app pays for <FlinksConnect> and useAuthorizeToken, measured with the workspace's one
// method (@flinks-embed/test-support/size), React external. Shared by this package's `bench` script
// and its size tests.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  measure as measureFrom,
  measureBySourceFile as measureSourcesFrom,
  REACT_EXTERNAL,
} from '@flinks-embed/test-support/size';

export { BUDGET_BYTES, HOOK_BUDGET_BYTES } from '@flinks-embed/test-support/size';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const builtEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));

/**
 * Bundles `contents` (an ES module resolved from this package's directory), React external, and measures it.
 * @param {string} contents
 * @param {import('@flinks-embed/test-support/size').MeasureOptions} [options]
 */
export const measure = (contents, options = {}) =>
  measureFrom(contents, packageDir, { external: REACT_EXTERNAL, ...options });

/** `import { FlinksConnect } from '@flinks-embed/react'`, from the built files, core bundled in. */
export function measureFlinksConnect() {
  if (!existsSync(builtEntry)) {
    throw new Error(`${builtEntry} is missing: run \`pnpm build\` (core, then react) first.`);
  }
  return measure(`export { FlinksConnect } from ${JSON.stringify(builtEntry)};`);
}

/** `import { useAuthorizeToken } from '@flinks-embed/react'` alone: it must leave the component out. */
export function measureHookOnly() {
  return measure(`export { useAuthorizeToken } from ${JSON.stringify(builtEntry)};`);
}

/** The React binding's own code: the same import with core left out. */
export function measureBindingOnly() {
  return measure(`export { FlinksConnect } from ${JSON.stringify(builtEntry)};`, {
    external: [...REACT_EXTERNAL, '@flinks-embed/core'],
  });
}

/** Core on its own: what the binding imports from it (read off the binding's bundle), from core's dist. */
export async function measureCoreShare() {
  const { code } = await measureBindingOnly();
  const clause = /import\{([^}]*)\}from"@flinks-embed\/core"/.exec(code)?.[1] ?? '';
  const names = new Set(clause.split(',').map((name) => name.split(' as ')[0]));
  return measure(`export { ${[...names].join(', ')} } from '@flinks-embed/core';`);
}

/** Where the component's minified bytes go, by source file (built from the sources as the dist is). */
export const measureBySourceFile = () =>
  measureSourcesFrom(`export { FlinksConnect } from './src/index.ts';`, packageDir, {
    external: REACT_EXTERNAL,
  });
