// "Time to Connect" in a Next.js production build: next-app/ (one page whose server mints the
// first token while it renders), copied to bench/.time-to-connect-next with the rest of the app
// (filler.mjs) at the other variants' weight, built with `next build` and run with `next start`.
import { execFile, spawn } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { fillerScript } from './filler.mjs';

const template = fileURLToPath(new URL('./next-app/', import.meta.url));
const copy = fileURLToPath(new URL('../../.time-to-connect-next/', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  await new Promise((resolve) => server.close(() => resolve(undefined)));
  return port;
}

/** @typedef {{ apiBaseUrl: string, connectUrl: string, customerId: string, secretKey: string }} Simulator */

/**
 * `next build` of the copy with `fillerGzipBytes` of the rest of the app, then `next start`.
 * @param {Simulator} simulator @param {number} fillerGzipBytes
 */
async function buildAndStart(simulator, fillerGzipBytes) {
  rmSync(copy, { recursive: true, force: true });
  cpSync(template, copy, { recursive: true });
  rmSync(`${copy}app/rest-of-the-app.ts`);
  // The naive embed itself, where the template re-exports it from outside its folder.
  cpSync(fileURLToPath(new URL('../naive-embed.tsx', import.meta.url)), `${copy}app/naive-embed.tsx`);
  // Two folders nearer the workspace's root than the template.
  const tsconfig = `${copy}tsconfig.json`;
  writeFileSync(tsconfig, readFileSync(tsconfig, 'utf8').replace('../../../../', '../../'));
  writeFileSync(
    `${copy}app/rest-of-the-app.js`,
    fillerGzipBytes > 0
      ? `if (typeof window !== 'undefined') {\n${fillerScript(fillerGzipBytes)}}\nexport {};\n`
      : 'export {};\n',
  );
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('FLINKS_')) delete env[name];
  await promisify(execFile)(process.execPath, [nextBin, 'build'], {
    cwd: copy,
    env,
    maxBuffer: 16 * 1024 * 1024,
  });
  const port = await freePort();
  const app = spawn(process.execPath, [nextBin, 'start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: copy,
    env: {
      ...env,
      FLINKS_API_URL: simulator.apiBaseUrl,
      FLINKS_CONNECT_URL: simulator.connectUrl,
      FLINKS_CUSTOMER_ID: simulator.customerId,
      FLINKS_SECRET_KEY: simulator.secretKey,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise((resolve) => app.once('exit', resolve));
  const close = async () => {
    app.kill();
    await exited;
  };
  try {
    // `localhost`: another site than the simulator's 127.0.0.1, as for the other variants.
    const url = `http://localhost:${port}/`;
    const naiveUrl = `${url}naive`;
    let html = '';
    for (let tries = 0; !html; tries++) {
      if (app.exitCode !== null || tries > 300) throw new Error(`next start did not answer at ${url}`);
      html = await fetch(url).then(
        (response) => (response.ok ? response.text() : ''),
        () => new Promise((resolve) => setTimeout(() => resolve(''), 100)),
      );
    }
    // What a phone downloads of the page's JavaScript: every script it lists, gzipped.
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((match) => new URL(match[1] ?? '', url));
    const texts = await Promise.all(scripts.map((src) => fetch(src).then((response) => response.text())));
    return {
      url,
      naiveUrl,
      scriptsGzipped: texts.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * The Next.js page with as many bytes of JavaScript as the other variants' bundle: Next.js's own
 * runtime (React included) and the page, measured in a first build, then the rest of the app.
 * @param {Simulator} simulator @param {number} totalGzipBytes
 */
export async function startNextVariant(simulator, totalGzipBytes) {
  const bare = await buildAndStart(simulator, 0);
  await bare.close();
  return buildAndStart(simulator, Math.max(0, totalGzipBytes - bare.scriptsGzipped));
}
