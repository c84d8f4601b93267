// The app's server for "time to Connect", on loopback: one page in five variants, the app's token
// endpoint, and the app's code (an entry and its chunks). The page is http://localhost:PORT and the simulator's Connect page
// http://127.0.0.1:PORT2: another site, as Flinks' own domain is in production. Every page that
// carries a token is minted per request and sent `Cache-Control: private, no-store`.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { FlinksConnect } from '@flinks-embed/react';
import { createAuthorizeTokenHandler, createFlinksClient } from '@flinks-embed/server';
import { toNodeListener } from '@flinks-embed/server/node';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';

export const VARIANTS = /** @type {const} */ (['naive', 'today', 'prefetch', 'server', 'floor']);
/** @typedef {(typeof VARIANTS)[number]} Variant */

const PARAMS = { demo: true };

/** @param {string} head @param {string} body */
const page = (head, body) =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
  `<title>Link your bank account</title>${head}</head><body><h1>Link your bank account</h1>${body}</body></html>`;

const escapeJson = (/** @type {unknown} */ value) => JSON.stringify(value).replaceAll('<', '\\u003c');

/**
 * @param {Map<string, string>} files the app's code by path, `/entry.js` and its chunks (served gzipped)
 * @param {import('@flinks-embed/simulator').FlinksSimulator} simulator
 */
export async function startTimeToConnectServer(files, simulator) {
  const flinks = createFlinksClient({
    instance: 'toolbox',
    customerId: simulator.customerId,
    secretKey: simulator.secretKey,
    baseUrl: simulator.apiBaseUrl,
  });
  const connectUrl = simulator.connectUrl;
  // Sent gzipped, as any app's server or CDN sends it: the bytes a phone downloads.
  const gzippedFiles = new Map([...files].map(([path, text]) => [path, gzipSync(text, { level: 9 })]));
  const tokenEndpoint = toNodeListener(createAuthorizeTokenHandler(flinks));
  // The entry, and every chunk preloaded, as Vite's and Next.js's builds list a route's chunks.
  const bundle = [...files.keys()]
    .filter((path) => path !== '/entry.js')
    .map((path) => `<link rel="modulepreload" href="${path}">`)
    .concat('<script type="module" src="/entry.js"></script>')
    .join('');
  const root = (/** @type {Variant} */ variant, /** @type {string} */ inner = '') =>
    `<div id="root" data-variant="${variant}" data-connect-url="${connectUrl}">${inner}</div>`;

  /** @param {Variant} variant @returns {Promise<string>} */
  async function html(variant) {
    if (variant !== 'server' && variant !== 'floor') return page(bundle, root(variant));
    // Minted while the page is rendered, as a server component would.
    const { token, expiresIn, expiresAt } = await flinks.generateAuthorizeToken();
    const initialToken = { token, expiresIn, expiresAt };
    if (variant === 'floor') {
      const src = `${connectUrl}?${new URLSearchParams({ demo: 'true', authorizeToken: token })}`;
      return page(
        '',
        `<iframe src="${src}" title="Connect your bank account" width="100%" height="760"></iframe>`,
      );
    }
    const iframe = renderToString(
      createElement(FlinksConnect, {
        connectUrl,
        params: PARAMS,
        initialToken,
        fetchAuthorizeToken: () => Promise.reject(new Error('never on the server')),
      }),
    );
    return page(
      bundle,
      `${root(variant, iframe)}<script type="application/json" id="first-token">${escapeJson(initialToken)}</script>`,
    );
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/flinks/authorize-token') return void tokenEndpoint(request, response);
    const code = gzippedFiles.get(url.pathname);
    if (code) {
      return void response
        .writeHead(200, { 'content-type': 'text/javascript', 'content-encoding': 'gzip' })
        .end(code);
    }
    const variant = /** @type {Variant} */ (url.pathname.slice(1));
    if (!VARIANTS.includes(variant)) return void response.writeHead(404).end();
    html(variant).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': 'text/html; charset=utf-8',
            'cache-control': 'private, no-store',
          })
          .end(body),
      (error) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const port = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  return {
    /** The page of one variant, on `localhost`: another site than the simulator's `127.0.0.1`. */
    url: (/** @type {Variant} */ variant) => `http://localhost:${port}/${variant}`,
    connectUrl,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}
