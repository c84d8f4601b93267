// What an app pays for an import, measured the way a bundler ships it (the method of
// packages/react/bench): esbuild bundle, minified, production mode, gzip level 9. Shared by
// `pnpm bench` and the size test.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dist = (/** @type {string} */ file) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

/**
 * @typedef {{ minified: number, gzipped: number, code: string }} Size
 */

/**
 * Bundles `contents` (an ES module resolved from this package's directory) and measures it.
 * @param {string} contents
 * @param {{ external?: string[] }} [options]
 * @returns {Promise<Size>}
 */
export async function measure(contents, options = {}) {
  for (const file of ['index.js', 'define.js']) {
    if (!existsSync(dist(file))) throw new Error(`${dist(file)} is missing: run \`pnpm build\` first.`);
  }
  const result = await build({
    stdin: { contents, resolveDir: packageDir, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    external: options.external ?? [],
    // What an app's production build does; the built files' development-only code then folds away.
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const output = /** @type {import('esbuild').OutputFile} */ (result.outputFiles?.[0]);
  return {
    minified: output.contents.length,
    gzipped: gzipSync(output.contents, { level: 9 }).length,
    code: output.text,
  };
}

/** `import { mountFlinksConnect } from '@flinks-embed/element'`, from the built files, core bundled in. */
export const measureMount = (external = /** @type {string[]} */ ([])) =>
  measure(`export { mountFlinksConnect } from ${JSON.stringify(dist('index.js'))};`, { external });

/** `import '@flinks-embed/element/define'`: <flinks-connect> registered, core bundled in. */
export const measureElement = (external = /** @type {string[]} */ ([])) =>
  measure(`import ${JSON.stringify(dist('define.js'))};`, { external });
