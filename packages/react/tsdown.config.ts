import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  // es2022: class fields stay native instead of pulling in define-property helpers.
  target: 'es2022',
  // Development-only messages and checks: kept for Node and unbundled browsers, folded away by any
  // bundler that sets NODE_ENV to production (esbuild, Vite, webpack, Next.js do).
  define: { __DEV__: '(typeof process == "object" && process.env.NODE_ENV !== "production")' },
  clean: true,
  external: ['react', 'react-dom', 'react/jsx-runtime', '@flinks-embed/core'],
  // Next.js and other RSC frameworks need the directive at the top of every built file.
  banner: { js: "'use client';" },
});
