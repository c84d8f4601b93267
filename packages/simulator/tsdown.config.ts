import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defineConfig } from 'tsdown';
import type { UserConfig } from 'tsdown';
import { bundleConnectPageApp } from './src/connect-page/bundle-app';
import type * as Simulator from './src/index';

const connectPageDir = resolve(dirname(fileURLToPath(import.meta.url)), 'src', 'connect-page');

type Plugin = Extract<NonNullable<UserConfig['plugins']>, readonly unknown[]>[number];

/**
 * The Connect page's browser script is a built asset, `dist/connect-page/app.js`: the published
 * code reads it (`script.dist.ts`) instead of bundling it on first use as the sources do (`script.ts`).
 */
const connectPageScriptAsset: Plugin = {
  name: 'flinks-embed:connect-page-script',
  resolveId(source: string, importer: string | undefined) {
    if (source === './script' && importer !== undefined && dirname(importer) === connectPageDir) {
      return join(connectPageDir, 'script.dist.ts');
    }
    return null;
  },
};

export default defineConfig([
  {
    // The Playwright driver is its own entry (Playwright itself is an optional peer, never imported),
    // and so is the sandbox bank's table, which browsers import too.
    entry: { index: 'src/index.ts', playwright: 'src/playwright.ts', sandbox: 'src/sandbox.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'node',
    target: 'node18',
    // `.js` for ESM and `.cjs` for CommonJS, as the exports map says (the package is "type": "module").
    fixedExtension: false,
    // `import.meta.url` in the CommonJS build (connectPageDir resolves the package through it).
    shims: true,
    clean: true,
    // Plugin timings depend on how busy the machine is: a note, not a warning about this build.
    checks: { pluginTimings: false },
    plugins: [connectPageScriptAsset],
    // The page's script, then the static Connect page, written by the generator that was just
    // built (which reads that script): what ships is what is tested.
    async onSuccess({ outDir }) {
      await mkdir(join(outDir, 'connect-page'), { recursive: true });
      await writeFile(join(outDir, 'connect-page', 'app.js'), bundleConnectPageApp());
      const built = pathToFileURL(join(outDir, 'index.js')).href;
      const { renderStaticConnectPage } = (await import(built)) as typeof Simulator;
      await mkdir(join(outDir, 'connect'), { recursive: true });
      await writeFile(join(outDir, 'connect', 'index.html'), renderStaticConnectPage());
    },
  },
  {
    entry: ['src/cli.ts'],
    format: ['esm'],
    dts: false,
    platform: 'node',
    target: 'node18',
    fixedExtension: false,
    clean: false,
    checks: { pluginTimings: false },
    plugins: [connectPageScriptAsset],
  },
]);
