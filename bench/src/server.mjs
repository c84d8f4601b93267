// The host page's server, on loopback: the bench page, a blank frame, and the app's token endpoint
// minting through @flinks-embed/server from the simulator. The page is opened as
// http://localhost:PORT while the simulator answers on http://127.0.0.1:PORT2: another site, as
// Flinks' iframe is in production.
import { createServer } from 'node:http';
import { createAuthorizeTokenHandler, createFlinksClient } from '@flinks-embed/server';
import { toNodeListener } from '@flinks-embed/server/node';
import { startFlinksSimulator } from '@flinks-embed/simulator';

export const PLAID_SCRIPT_URL = 'https://cdn.plaid.com/link/v2/stable/link-initialize.js';

const html = (/** @type {string} */ build) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>flinks-embed bench</title></head>
<body><div id="root"></div>
<script src="${PLAID_SCRIPT_URL}"></script>
<script src="/bundle-${build}.js"></script>
</body></html>`;

/**
 * @param {{ production: string, development: string }} bundles
 */
export async function startBenchServer(bundles) {
  const simulator = await startFlinksSimulator({ port: 0 });
  const flinks = createFlinksClient({
    instance: 'toolbox',
    customerId: simulator.customerId,
    secretKey: simulator.secretKey,
    baseUrl: simulator.apiBaseUrl,
  });
  const tokenEndpoint = toNodeListener(createAuthorizeTokenHandler(flinks));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/flinks/authorize-token') return void tokenEndpoint(request, response);
    if (url.pathname === '/blank') return void response.writeHead(204).end();
    // Cross-origin isolated on request: Chromium then gives performance.now() 5 us steps, not 100 us.
    const isolation =
      url.searchParams.get('isolated') === '1'
        ? { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' }
        : {};
    if (url.pathname === '/') {
      const build = url.searchParams.get('build') === 'development' ? 'development' : 'production';
      return void response.writeHead(200, { 'content-type': 'text/html', ...isolation }).end(html(build));
    }
    const script = /^\/bundle-(production|development)\.js$/.exec(url.pathname)?.[1];
    if (script === 'production' || script === 'development') {
      return void response.writeHead(200, { 'content-type': 'text/javascript' }).end(bundles[script]);
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    /** The host page's origin: `localhost`, another site than the simulator's `127.0.0.1`. */
    origin: `http://localhost:${port}`,
    blankUrl: `http://localhost:${port}/blank`,
    simulator,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
      await simulator.close();
    },
  };
}
