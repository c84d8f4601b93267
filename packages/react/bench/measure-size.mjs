// What an app pays for an import, measured the way a bundler ships it: esbuild bundle, minified,
// React external (the app has it anyway), gzip level 9. Shared by `pnpm bench` and the budget test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const builtEntry = fileURLToPath(new URL('../dist/index.js', import.meta.url));
export const external = ['react', 'react-dom', 'react/jsx-runtime'];

/** The most an app importing `<FlinksConnect>` may pay, minified + gzipped (DESIGN.md). */
export const BUDGET_BYTES = 2000;

/**
 * @typedef {{ minified: number, gzipped: number, code: string, metafile: import('esbuild').Metafile }} Size
 */

/**
 * Bundles `contents` (an ES module resolved from this package's directory) and measures it.
 * @param {string} contents
 * @param {{ external?: string[], conditions?: string[], target?: string, define?: Record<string, string> }} [options]
 * @returns {Promise<Size>}
 */
export async function measure(contents, options = {}) {
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external: options.external ?? external,
    ...(options.conditions && { conditions: options.conditions }),
    ...(options.target && { target: options.target }),
    // What an app's production build does; the built files' development-only code then folds away.
    define: { 'process.env.NODE_ENV': '"production"', ...options.define },
    // Bundling drops the 'use client' banner, and says so: expected here.
    logLevel: 'silent',
  });
  const output = /** @type {import('esbuild').OutputFile} */ (result.outputFiles?.[0]);
  return {
    minified: output.contents.length,
    gzipped: gzipSync(output.contents, { level: 9 }).length,
    code: output.text,
    metafile: result.metafile,
  };
}

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

/** The most an app importing only `useAuthorizeToken` may pay, minified + gzipped (DESIGN.md). */
export const HOOK_BUDGET_BYTES = 2000;

/** The React binding's own code: the same import with core left out. */
export function measureBindingOnly() {
  return measure(`export { FlinksConnect } from ${JSON.stringify(builtEntry)};`, {
    external: [...external, '@flinks-embed/core'],
  });
}

/** Core on its own: what the binding imports from it (read off the binding's bundle), from core's dist. */
export async function measureCoreShare() {
  const { code } = await measureBindingOnly();
  const clause = /import\{([^}]*)\}from"@flinks-embed\/core"/.exec(code)?.[1] ?? '';
  const names = new Set(clause.split(',').map((name) => name.split(' as ')[0]));
  return measure(`export { ${[...names].join(', ')} } from '@flinks-embed/core';`);
}

/**
 * Where the component's minified bytes go, by source file: the TypeScript sources built as the
 * dist is (es2022, __DEV__ folded away in production), so the shares match it. Only minified bytes
 * can be split this way: gzip works on the whole.
 * @returns {Promise<{ minified: number, files: { file: string, bytes: number }[] }>}
 */
export async function measureBySourceFile() {
  const sources = await measure(`export { FlinksConnect } from './src/index.ts';`, {
    conditions: ['@flinks-embed/source'],
    target: 'es2022',
    define: { __DEV__: 'false' },
  });
  const inputs = Object.values(sources.metafile.outputs)[0]?.inputs ?? {};
  const files = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => ({ file, bytes: bytesInOutput }))
    .filter(({ bytes }) => bytes > 0)
    .sort((a, b) => b.bytes - a.bytes);
  return { minified: sources.minified, files };
}
