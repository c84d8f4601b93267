import { defineConfig } from 'tsdown';

export default defineConfig({
  // `index` runs anywhere fetch does (Node 18+, edge runtimes); `node` is the node:http adapter.
  entry: ['src/index.ts', 'src/node.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2020',
  clean: true,
  // Plugin timings depend on how busy the machine is: a note, not a warning about this build.
  checks: { pluginTimings: false },
});
