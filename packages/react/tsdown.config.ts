import { defineConfig } from 'tsdown';

export default defineConfig({
  // The testing kit is its own entry: nothing of it reaches an app that imports the main one.
  entry: { index: 'src/index.ts', testing: 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  // es2022: class fields stay native instead of pulling in define-property helpers.
  target: 'es2022',
  // Development-only messages and checks. A bare `process.env.NODE_ENV`, the expression every
  // bundler replaces: Vite, webpack and Next.js write "development" into their dev builds (where
  // the browser has no `process`, so a `typeof process` guard would turn every check off) and
  // "production" into their production builds, which then drop the guarded code. Node has it.
  define: { __DEV__: 'process.env.NODE_ENV !== "production"' },
  clean: true,
  // Plugin timings depend on how busy the machine is: a note, not a warning about this build.
  checks: { pluginTimings: false },
  deps: { neverBundle: ['react', 'react-dom', 'react/jsx-runtime', '@flinks-embed/core'] },
  // Next.js and other RSC frameworks need the directive at the top of every built file.
  banner: { js: "'use client';" },
});
