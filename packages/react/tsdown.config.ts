import { defineConfig } from 'tsdown';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  platform: 'neutral',
  target: 'es2020',
  clean: true,
  external: ['react', 'react-dom', 'react/jsx-runtime', '@flinks-embed/core'],
  // Next.js and other RSC frameworks need the directive at the top of every built file.
  banner: { js: "'use client';" },
});
