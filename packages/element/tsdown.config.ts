import { defineConfig } from 'tsdown';

export default defineConfig([
  {
    // Two entries: `define` registers <flinks-connect> (the package's one side effect); the main
    // entry only exports, so an app that calls mountFlinksConnect() can drop the element.
    entry: ['src/index.ts', 'src/define.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    platform: 'neutral',
    // es2022: class fields stay native instead of pulling in define-property helpers.
    target: 'es2022',
    // A bare `process.env.NODE_ENV`, as in core: every bundler replaces it, so development
    // checks are on in Vite, webpack and Next.js dev builds and gone from production ones.
    define: { __DEV__: 'process.env.NODE_ENV !== "production"' },
    clean: true,
    checks: { pluginTimings: false },
  },
  {
    // No bundler, so nothing would replace `process.env.NODE_ENV`, which a browser does not have:
    // this file is built in production mode, with core inside it.
    entry: { 'flinks-connect.browser': 'src/browser.ts' },
    format: ['esm'],
    dts: false,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    deps: { alwaysBundle: ['@flinks-embed/core'] },
    define: { __DEV__: 'false', 'process.env.NODE_ENV': '"production"' },
    clean: false,
    checks: { pluginTimings: false },
  },
]);
