// A host app serving one of ./fixtures' pages, bundled with esbuild from this package's built files
// (the package as it ships) in React's development build, and a token endpoint at `/token`.
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startHostApp, type FlinksApi, type HostApp } from '@flinks-embed/test-support/host-app';

const SHELL =
  '<!doctype html><html lang="en"><title>Host</title><div id="root"></div><script type="module" src="/app.js"></script></html>';

/** Serves `fixtures/<name>.tsx` at `/`, with the page's token endpoint minting from `flinks`. */
export async function startFixtureHost(name: string, flinks: FlinksApi): Promise<HostApp> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL(`fixtures/${name}.tsx`, import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'error',
  });
  const host = await startHostApp({ flinks, tokenPath: '/token' });
  host.page('/app.js', bundle.outputFiles[0]!.text, 'text/javascript; charset=utf-8');
  host.page('/', SHELL);
  return host;
}
