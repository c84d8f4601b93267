import { defineConfig } from 'tsdown';

export default defineConfig({
  // Two entries: `define` registers <flinks-connect> (the package's one side effect); the main
  // entry only exports, so an app that calls mountFlinksConnect() can drop the element.
  entry: ['src/index.ts', 'src/define.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  // es2022: class fields stay native instead of pulling in define-property helpers.
  target: 'es2022',
  // Development-only messages: on where a `process` says development (Node, bundlers' dev modes),
  // folded away by any bundler that sets NODE_ENV to production; off in a browser without a bundler.
  define: { __DEV__: '(typeof process == "object" && process.env.NODE_ENV !== "production")' },
  clean: true,
});
