import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineConfig } from 'tsdown';
import type * as Simulator from './src/index';

export default defineConfig([
  {
    // The Playwright driver is its own entry (Playwright itself is an optional peer, never imported).
    entry: { index: 'src/index.ts', playwright: 'src/playwright.ts' },
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
    // The static Connect page, written by the generator that was just built: what ships is what is tested.
    async onSuccess({ outDir }) {
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
  },
]);
