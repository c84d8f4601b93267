// The app's development server, on the Flinks simulator: the page, its bundle, and the token
// endpoint (which asks the simulator's token API, as the real one asks Flinks with the secret key).
import { createServer } from 'node:http';
import { build } from 'esbuild';
import { startFlinksSimulator } from '@flinks-embed/simulator';

const simulator = await startFlinksSimulator({ port: 0 });
const bundle = await build({
  entryPoints: ['src/main.tsx'],
  bundle: true,
  write: false,
  format: 'esm',
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"development"' },
  logLevel: 'error',
});
const page = `<!doctype html><html lang="en" data-connect-url="${simulator.connectUrl}"><title>Link your bank</title>
<div id="root"></div><script type="module" src="/main.js"></script></html>`;

async function mintToken() {
  const url = `${simulator.apiBaseUrl}/v3/${simulator.customerId}/BankingServices/GenerateAuthorizeToken`;
  const answer = await fetch(url, { method: 'POST', headers: { 'flinks-auth-key': simulator.secretKey } });
  const { Token } = await answer.json();
  return { token: Token, expiresIn: 1800 };
}

createServer(async (request, response) => {
  if (request.url === '/api/flinks/authorize-token' && request.method === 'POST') {
    response.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' });
    response.end(JSON.stringify(await mintToken()));
  } else if (request.url === '/main.js') {
    response.writeHead(200, { 'Content-Type': 'text/javascript' });
    response.end(bundle.outputFiles[0].text);
  } else {
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    response.end(page);
  }
}).listen(Number(process.env.PORT ?? 4173), '127.0.0.1');
