// What an app pays for an import, measured the way a bundler ships it: esbuild bundle, minified,
// production mode, gzip level 9. One method for the packages' size tests, their `bench` scripts
// and `pnpm bench`'s size table. Plain JavaScript: `pnpm bench` runs it in Node as it is.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** What an app has anyway, so a React binding's cost leaves it out. */
export const REACT_EXTERNAL = ['react', 'react-dom', 'react/jsx-runtime'];

/** The most an app importing `<FlinksConnect>` may pay, minified + gzipped (DESIGN.md). */
export const BUDGET_BYTES = 2000;

/** The most an app importing only `useAuthorizeToken` may pay, minified + gzipped (DESIGN.md). */
export const HOOK_BUDGET_BYTES = 2000;

/**
 * @typedef {{ minified: number, gzipped: number, code: string, metafile: import('esbuild').Metafile }} Size
 * @typedef {{ external?: string[], conditions?: string[], target?: string, define?: Record<string, string> }} MeasureOptions
 */

/**
 * Bundles `contents` (an ES module whose imports resolve from `resolveDir`) and measures it.
 * @param {string} contents
 * @param {string} resolveDir
 * @param {MeasureOptions} [options]
 * @returns {Promise<Size>}
 */
export async function measure(contents, resolveDir, options = {}) {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external: options.external ?? [],
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

/**
 * Where an import's minified bytes go, by source file: the workspace's TypeScript sources (their
 * `@flinks-embed/source` entries) built as the dist is (es2022, __DEV__ folded away in production),
 * so the shares match it. Only minified bytes can be split this way: gzip works on the whole.
 * @param {string} contents an ES module importing a workspace package by name
 * @param {string} resolveDir
 * @param {MeasureOptions} [options]
 * @returns {Promise<{ minified: number, files: { file: string, bytes: number }[] }>}
 */
export async function measureBySourceFile(contents, resolveDir, options = {}) {
  const sources = await measure(contents, resolveDir, {
    ...options,
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
