// "Time to Connect" in a Next.js production build: next-app/ (a page whose server mints the first
// token while it renders, and the naive embed at /naive), copied to bench/.time-to-connect-next
// with the rest of the app (filler.mjs) at the other variants' weight, built with `next build` and
// run with `next start` (apps/next's startNext).
import { execFile } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { startNext } from 'next-app/scripts/run.mjs';
import { fillerScript } from './filler.mjs';

const template = fileURLToPath(new URL('./next-app/', import.meta.url));
const copy = fileURLToPath(new URL('../../.time-to-connect-next/', import.meta.url));
const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** @typedef {import('@flinks-embed/simulator').FlinksSimulator} Simulator */

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
  // apps/next's own starter: `next start` in the copy, resolved once it says it is ready. On
  // `localhost`, another site than the simulator's 127.0.0.1, as for the other variants.
  const app = await startNext({
    mode: 'start',
    dir: copy,
    env: {
      ...env,
      FLINKS_API_URL: simulator.apiBaseUrl,
      FLINKS_CONNECT_URL: simulator.connectUrl,
      FLINKS_CUSTOMER_ID: simulator.customerId,
      FLINKS_SECRET_KEY: simulator.secretKey,
    },
  });
  try {
    const page = await fetch(app.url);
    if (!page.ok) throw new Error(`The bench's Next.js page answered ${page.status}: ${await page.text()}`);
    const html = await page.text();
    // What a phone downloads of the page's JavaScript: every script it lists, gzipped.
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map(
      (match) => new URL(match[1] ?? '', app.url),
    );
    const texts = await Promise.all(scripts.map((src) => fetch(src).then((response) => response.text())));
    return {
      url: app.url,
      naiveUrl: new URL('naive', app.url).href,
      scriptsGzipped: texts.reduce((sum, text) => sum + gzipSync(text, { level: 9 }).length, 0),
      close: app.close,
    };
  } catch (error) {
    await app.close();
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
