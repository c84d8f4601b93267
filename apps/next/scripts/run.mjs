#!/usr/bin/env node
// @ts-check
/**
 * `next dev` or `next start`, on the local Flinks simulator unless FLINKS_INSTANCE,
 * FLINKS_CUSTOMER_ID and FLINKS_SECRET_KEY are set (then on real Flinks, and nothing else starts).
 *
 *   node scripts/run.mjs dev|start [--port <number>] [--hostname <address>]
 *
 * The simulator runs in this process; Next.js gets its URLs and keys through the environment
 * (FLINKS_API_URL, FLINKS_CONNECT_URL, FLINKS_CUSTOMER_ID, FLINKS_SECRET_KEY,
 * FLINKS_DATA_POLL_INTERVAL_MS, and FLINKS_WEBHOOK_SECRET for the simulator's signed webhooks to
 * app/api/flinks/webhook), read by lib/flinks-config.ts and the routes at request time. The tests start the app through `startNextApp` too.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startFlinksSimulator } from '@flinks-embed/simulator';

/** apps/next, where next.config.ts is. */
export const appRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const CREDENTIALS = /** @type {const} */ (['FLINKS_INSTANCE', 'FLINKS_CUSTOMER_ID', 'FLINKS_SECRET_KEY']);
/** Set by this script for the simulator; stale values from the caller would point at nothing. */
const SIMULATOR_VARIABLES = ['FLINKS_API_URL', 'FLINKS_CONNECT_URL', 'FLINKS_DATA_POLL_INTERVAL_MS'];

/** The app's webhook route, where the simulator posts Flinks' signed callbacks. */
export const WEBHOOK_ROUTE = '/api/flinks/webhook';

/**
 * The simulator's data: 202 twice before the accounts (Flinks answers at least once), polled
 * every 400 ms instead of Flinks' 10 s, since nothing real is waited for. Its webhooks are retried
 * a second apart instead of 30 minutes (`next dev` compiles the route on the first one).
 */
const SIMULATOR_DATA = { pendingPolls: 2 };
const SIMULATOR_POLL_INTERVAL_MS = '400';
const SIMULATOR_WEBHOOK_RETRY_MS = 1000;

/**
 * A port free right now on `hostname`: the simulator must know the app's webhook URL before
 * Next.js starts, and Next.js must know the simulator's URLs, so the app's port is chosen first.
 * @param {string} hostname
 * @returns {Promise<number>}
 */
function freePort(hostname) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, hostname, () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * `'flinks'` when all three credentials are set, `'simulator'` when none is. Some but not all is
 * a mistake worth stopping for: falling back to the simulator would hide it.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {'flinks' | 'simulator'}
 */
export function chooseBackend(env) {
  const missing = CREDENTIALS.filter((name) => !env[name]?.trim());
  if (missing.length === 0) return 'flinks';
  if (missing.length === CREDENTIALS.length) return 'simulator';
  throw new Error(
    `Set all of ${CREDENTIALS.join(', ')} to use real Flinks (missing: ${missing.join(', ')}), ` +
      'or none of them to use the local simulator. See apps/next/.env.example.',
  );
}

/**
 * @typedef {object} NextOptions
 * @property {'dev' | 'start'} mode `next dev` (hot reload) or `next start` (the `next build` output)
 * @property {string} [dir] the Next.js app's folder, default this app's (`appRoot`)
 * @property {number} [port] default 0: any free port
 * @property {string} [hostname] default `localhost`
 * @property {NodeJS.ProcessEnv} [env] default `process.env`
 * @property {(chunk: string) => void} [output] receives Next.js' own output as it comes
 * @property {number} [startTimeoutMs] default 60,000
 */

/**
 * @typedef {object} RunningNext
 * @property {string} url the app, e.g. `http://localhost:3000/`
 * @property {() => string} output what Next.js printed so far
 * @property {() => Promise<void>} close
 */

/**
 * `next dev` or `next start` in `dir` (this app's folder) with exactly `env`, resolved once it is ready.
 * @param {NextOptions} options
 * @returns {Promise<RunningNext>}
 */
export async function startNext(options) {
  const {
    mode,
    dir = appRoot,
    port = 0,
    hostname = 'localhost',
    env = process.env,
    startTimeoutMs = 60_000,
  } = options;
  // The Next.js that `dir` itself resolves.
  const nextBin = createRequire(path.join(dir, 'package.json')).resolve('next/dist/bin/next');
  const child = spawn(process.execPath, [nextBin, mode, '--port', String(port), '--hostname', hostname], {
    cwd: dir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };

  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`next ${mode} was not ready after ${startTimeoutMs} ms.`)),
        startTimeoutMs,
      );
      /** @param {Buffer} chunk */
      const read = (chunk) => {
        const text = chunk.toString();
        printed += text;
        options.output?.(text);
        // "- Local: http://localhost:41234" (the port it got, with --port 0), then "✓ Ready in 120ms".
        const local = /- Local:\s+(http\S+)/.exec(printed)?.[1];
        if (local && /Ready in/.test(printed)) {
          clearTimeout(timer);
          resolve(new URL('/', local).href);
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`next ${mode} exited (${code}) before it was ready.`));
      });
    });
    return { url, output: () => printed, close };
  } catch (error) {
    await close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${reason} It printed:\n${printed}`, { cause: error });
  }
}

/**
 * @typedef {NextOptions & { simulator?: import('@flinks-embed/simulator').SimulatorOptions }} NextAppOptions
 * `simulator`: the simulator's options, when it runs.
 */

/**
 * @typedef {RunningNext & {
 *   backend: 'flinks' | 'simulator',
 *   simulator: import('@flinks-embed/simulator').FlinksSimulator | null,
 * }} NextApp
 * `close()` stops Next.js, then the simulator.
 */

/**
 * Starts the simulator (unless real credentials are set), then Next.js with the simulator's
 * URLs and keys in its environment.
 * @param {NextAppOptions} options
 * @returns {Promise<NextApp>}
 */
export async function startNextApp(options) {
  const env = options.env ?? process.env;
  const backend = chooseBackend(env);
  const hostname = options.hostname ?? 'localhost';
  const port = backend === 'simulator' && !options.port ? await freePort(hostname) : options.port;
  // A fresh HMAC secret per run: the simulator signs with it, the webhook route checks it.
  const webhookSecret = randomBytes(32).toString('base64url');
  const simulator =
    backend === 'simulator'
      ? await startFlinksSimulator({
          port: 0,
          data: SIMULATOR_DATA,
          webhook: {
            url: `http://${hostname.includes(':') ? `[${hostname}]` : hostname}:${port}${WEBHOOK_ROUTE}`,
            secret: webhookSecret,
            kyc: true,
            retryDelayMs: SIMULATOR_WEBHOOK_RETRY_MS,
          },
          ...options.simulator,
        })
      : null;
  // Offline by default, like the simulator: no telemetry unless the caller's environment asks.
  /** @type {NodeJS.ProcessEnv} */
  const childEnv = { NEXT_TELEMETRY_DISABLED: '1', ...env };
  if (simulator) {
    delete childEnv.FLINKS_INSTANCE;
    Object.assign(childEnv, {
      FLINKS_CUSTOMER_ID: simulator.customerId,
      FLINKS_SECRET_KEY: simulator.secretKey,
      FLINKS_API_URL: simulator.apiBaseUrl,
      FLINKS_CONNECT_URL: simulator.connectUrl,
      FLINKS_WEBHOOK_SECRET: webhookSecret,
      FLINKS_DATA_POLL_INTERVAL_MS: SIMULATOR_POLL_INTERVAL_MS,
    });
  } else {
    for (const name of SIMULATOR_VARIABLES) delete childEnv[name];
  }
  try {
    const next = await startNext({ ...options, ...(port === undefined ? {} : { port }), env: childEnv });
    return {
      ...next,
      backend,
      simulator,
      close: async () => {
        await next.close();
        await simulator?.close();
      },
    };
  } catch (error) {
    await simulator?.close();
    throw error;
  }
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  });
  const mode = positionals[0];
  if (mode !== 'dev' && mode !== 'start') {
    throw new Error('Usage: node scripts/run.mjs dev|start [--port <number>] [--hostname <address>]');
  }
  // The same .env files Next.js reads (.env.local, .env.development, …), so FLINKS_* may live there.
  const { loadEnvConfig } = (await import('@next/env')).default;
  loadEnvConfig(appRoot, mode === 'dev');
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const app = await startNextApp({
    mode,
    port,
    ...(values.hostname ? { hostname: values.hostname } : {}),
    simulator: { log: (line) => process.stdout.write(`  · simulator: ${line}\n`) },
    output: (text) => process.stdout.write(text),
  });
  process.stdout.write(
    app.simulator
      ? `\n  Flinks: the local simulator at ${app.simulator.instanceUrl}. Test bank "Flinks Capital": Greatday / Everyday, answer Montreal.\n`
      : `\n  Flinks: the ${process.env.FLINKS_INSTANCE} instance.\n`,
  );
  process.stdout.write(`  Open ${app.url}\n\n`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`next-app: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
