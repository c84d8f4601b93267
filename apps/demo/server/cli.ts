import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startupBanner } from './banner';
import { findAppRoot, startDemoServer, type DemoServer } from './demo-server';

const HELP = `Usage: node dist/server/cli.js [--dev] [--port <number>] [--host <address>]

Serves the flinks-embed demo and its token endpoint. Without FLINKS_INSTANCE, FLINKS_CUSTOMER_ID
and FLINKS_SECRET_KEY (environment or apps/demo/.env) it runs the local Flinks simulator.

  --dev              Vite with hot reload (default: the built app, no Vite)
  --port <number>    Default $PORT or 5173; the next free port is taken if it is busy
  --host <address>   Default localhost
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const root = findAppRoot();
  const envFile = path.join(root, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);

  const firstPort = Number(values.port ?? process.env.PORT ?? 5173);
  if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got ${values.port ?? process.env.PORT}.`);
  }
  let demo: DemoServer | undefined;
  for (let port = firstPort; !demo; port += 1) {
    try {
      demo = await startDemoServer({
        mode: values.dev ? 'dev' : 'production',
        port,
        ...(values.host ? { host: values.host } : {}),
        root,
        simulator: { log: (line) => process.stdout.write(`  · simulator: ${line}\n`) },
        log: (line) => process.stdout.write(`  · ${line}\n`),
      });
    } catch (error) {
      const busy = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (!busy || firstPort === 0 || port - firstPort >= 20) throw error;
    }
  }
  process.stdout.write(startupBanner(demo, { color: process.stdout.isTTY }));

  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
