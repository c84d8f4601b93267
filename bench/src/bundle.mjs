// The bench page's script, as an app's bundler would ship it: React's production build (with the
// profiling renderer, so React Profiler timings exist) or its development build.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const entry = fileURLToPath(new URL('./page/harness.tsx', import.meta.url));

/** @param {'production' | 'development'} mode @returns {Promise<string>} */
export async function bundlePage(mode) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: mode === 'production',
    write: false,
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
    // react-dom/profiling is react-dom/client with Profiler timings kept in production.
    ...(mode === 'production' && { alias: { 'react-dom/client': 'react-dom/profiling' } }),
    logLevel: 'silent',
  });
  return /** @type {import('esbuild').OutputFile} */ (result.outputFiles[0]).text;
}
