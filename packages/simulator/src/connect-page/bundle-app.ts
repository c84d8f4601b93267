import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

/**
 * Bundles the Connect page's browser program (`app/main.ts` and the screens it imports) into one
 * classic script. The package build writes it to `dist/connect-page/app.js`; run from the
 * TypeScript sources (tests, Storybook, the demo's dev server), the page bundles it on first use
 * with this same function, so dev and the published files run the same script.
 */
export function bundleConnectPageApp(): string {
  const result = buildSync({
    entryPoints: [fileURLToPath(new URL('./app/main.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    // Chromium, Firefox and Safari of the last few years; the page has no build step of its own.
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (output === undefined) throw new Error('esbuild wrote no Connect page script');
  return output.text;
}
