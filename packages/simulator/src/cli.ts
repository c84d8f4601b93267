#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { SANDBOX_LOGINS, SANDBOX_SECURITY_QUESTION } from './sandbox-data';
import { DEFAULT_CUSTOMER_ID, DEFAULT_SECRET_KEY, startFlinksSimulator } from './start-simulator';

// How the user started it, for the hints: `pnpm simulator` in this repository (scripts/simulator.mjs
// says so), where typing `flinks-simulator` or `npx flinks-simulator` at the root finds nothing local.
const COMMAND = process.env.FLINKS_SIMULATOR_COMMAND?.trim() || 'flinks-simulator';

const HELP = `Usage: ${COMMAND} [options]

A local stand-in for Flinks: token API, /Authorize and the Connect page.

Options:
  --port <number>          Port to listen on (default 8787; 0 picks a free port)
  --host <address>         Interface to bind (default 127.0.0.1)
  --customer-id <guid>     customerId to accept (default ${DEFAULT_CUSTOMER_ID})
  --secret-key <key>       Secret key to accept (default ${DEFAULT_SECRET_KEY})
  --token-lifetime <sec>   Authorize token lifetime in seconds (default 1800)
  --allow-token-reuse      Let one token load the Connect page more than once, as Flinks does
  --quiet                  Do not log token events
  -h, --help               Show this help
`;

function fail(message: string): never {
  process.stderr.write(`flinks-simulator: ${message}\nRun ${COMMAND} --help for usage.\n`);
  process.exit(1);
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) fail(`--${name} must be a whole number, got "${value}".`);
  return number;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'customer-id': { type: 'string' },
        'secret-key': { type: 'string' },
        'token-lifetime': { type: 'string' },
        'allow-token-reuse': { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help === true) {
    process.stdout.write(HELP);
    return;
  }

  const lifetimeSeconds = wholeNumber('token-lifetime', values['token-lifetime'], 1800);
  if (lifetimeSeconds === 0) fail('--token-lifetime must be at least 1 second.');
  const quiet = values.quiet === true;

  const port = wholeNumber('port', values.port, 8787);
  let simulator;
  try {
    simulator = await startFlinksSimulator({
      port,
      ...(values.host === undefined ? {} : { host: values.host }),
      ...(values['customer-id'] === undefined ? {} : { customerId: values['customer-id'] }),
      ...(values['secret-key'] === undefined ? {} : { secretKey: values['secret-key'] }),
      tokenLifetimeMs: lifetimeSeconds * 1000,
      rejectReusedTokens: values['allow-token-reuse'] !== true,
      log: quiet ? () => {} : (line) => process.stdout.write(`  · ${line}\n`),
    });
  } catch (error) {
    // The API's message names its option (port: 0); on the command line the fix is a flag.
    if ((error as { cause?: NodeJS.ErrnoException }).cause?.code === 'EADDRINUSE') {
      fail(`port ${port} is already in use. Pass --port 0 to pick a free port, or --port <number>.`);
    }
    fail(error instanceof Error ? error.message : String(error));
  }

  const logins = SANDBOX_LOGINS.map((login) => {
    const outcome =
      login.outcome === 'mfa'
        ? `asks "${SANDBOX_SECURITY_QUESTION.prompt.en}" (answer: ${SANDBOX_SECURITY_QUESTION.answer})`
        : login.outcome === 'success'
          ? 'logs in without a security question'
          : `fails with ${login.outcome}`;
    return `    ${`${login.username} / ${login.password}`.padEnd(38)}${outcome}`;
  });
  process.stdout.write(
    [
      'Flinks simulator is running.',
      '',
      `  Connect page   ${simulator.connectUrl}  (also / and /v2/Credential/{institution})`,
      `  API base URL   ${simulator.apiBaseUrl}`,
      `  customerId     ${simulator.customerId}`,
      `  secretKey      ${simulator.secretKey}`,
      `  All routes     ${simulator.instanceUrl}/_simulator`,
      '',
      '  Sandbox logins (add demo=true to the Connect URL to list "Flinks Capital"):',
      ...logins,
      '    anything else                         fails with INVALID_LOGIN',
      '',
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );

  const stop = (): void => {
    void simulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
