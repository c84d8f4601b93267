import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

export default defineConfig(({ command, isSsrBuild }) => ({
  plugins: [react()],
  // In dev the page runs the workspace packages' TypeScript sources, so an edit in packages/react
  // or packages/core hot-reloads here. A build takes their published `dist` files: what ships.
  resolve: command === 'serve' ? { conditions: ['@flinks-embed/source', ...defaultClientConditions] } : {},
  // The sources guard their development checks with `__DEV__`; the built files derive it from NODE_ENV.
  define: command === 'serve' ? { __DEV__: 'true' } : {},
  // Pre-bundled before the first page load, so a test never sees a mid-run "optimized dependencies" reload.
  optimizeDeps: { include: ['react', 'react-dom', 'react-dom/client', 'react/jsx-dev-runtime'] },
  // The client goes to dist/client; `vite build --ssr server/cli.ts` bundles the server to
  // dist/server, with every package left external (plain Node loads the built ones).
  build: isSsrBuild
    ? { outDir: 'dist/server', target: 'node20', emptyOutDir: true, copyPublicDir: false }
    : { outDir: 'dist/client', emptyOutDir: true },
  ssr: { external: true },
}));
