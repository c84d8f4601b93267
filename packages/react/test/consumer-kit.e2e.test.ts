import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

// The root vite.config.ts provides it; declared here for this package's typecheck.
declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}

/*
 * docs/testing.md's two examples, run as printed: its code blocks are the files of a consumer
 * project (test/consumer-kit), which is installed outside the workspace with its own package.json
 * and the packed packages, then runs its Vitest (jsdom) and Playwright tests.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = join(root, 'test/consumer-kit');
const run = promisify(execFile);
const PACKED = {
  '@flinks-embed/core': 'core',
  '@flinks-embed/react': 'react',
  '@flinks-embed/simulator': 'simulator',
};

/** Every `<!-- file: test/consumer-kit/NAME -->` code block of the page, by NAME. */
function documentedFiles(): Map<string, string> {
  const page = readFileSync(join(root, 'docs/testing.md'), 'utf8');
  const blocks = page.matchAll(/<!-- file: test\/consumer-kit\/(\S+) -->\n```\w+\n([\s\S]*?)\n```/g);
  return new Map([...blocks].map(([, name, code]) => [name!, `${code}\n`]));
}

/** This process's environment without what Vitest set for itself (the consumer's runs are their own). */
function consumerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(VITEST|TEST$|NODE_OPTIONS$|FORCE_COLOR$)/.test(name)),
  );
  return { ...env, CI: 'true', NO_COLOR: '1', ...extra };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

describe('docs/testing.md', () => {
  it('prints the consumer project’s files exactly: the Vitest example and the Playwright example', () => {
    const documented = documentedFiles();
    expect([...documented.keys()].sort()).toEqual([
      'e2e/link-bank.spec.ts',
      'playwright.config.ts',
      'src/LinkBank.test.tsx',
      'src/LinkBank.tsx',
      'vitest.config.ts',
    ]);
    for (const [name, code] of documented) expect(code, name).toBe(readFileSync(join(fixture, name), 'utf8'));
  });
});

describe('the documented examples, in a fresh consumer project with the packed packages', () => {
  let project: string;

  beforeAll(async () => {
    project = mkdtempSync(join(tmpdir(), 'flinks-consumer-kit-'));
    cpSync(fixture, project, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    const tarballs: Record<string, string> = {};
    for (const [name, dir] of Object.entries(PACKED)) {
      const before = new Set(readdirSync(project));
      await run('pnpm', ['pack', '--pack-destination', project], { cwd: join(root, 'packages', dir) });
      tarballs[name] =
        `file:./${readdirSync(project).find((file) => file.endsWith('.tgz') && !before.has(file))}`;
    }
    for (const deps of [manifest.dependencies, manifest.devDependencies]) {
      for (const name of Object.keys(deps)) if (tarballs[name]) deps[name] = tarballs[name];
    }
    // @flinks-embed/react depends on @flinks-embed/core, which must come from its tarball too.
    manifest.pnpm = { overrides: { '@flinks-embed/core': tarballs['@flinks-embed/core'] } };
    writeFileSync(join(project, 'package.json'), JSON.stringify(manifest, null, 2));
    // From the pnpm store; the registry only for what the store lacks (@playwright/test on a cold one).
    await run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=silent'], {
      cwd: project,
      timeout: 90_000,
    });
  }, 120_000);

  afterAll(() => {
    if (project) rmSync(project, { recursive: true, force: true });
  });

  it('runs the Vitest example green on jsdom', async () => {
    const { stdout } = await run('pnpm', ['exec', 'vitest', 'run', '--reporter=verbose'], {
      cwd: project,
      timeout: 60_000,
      env: consumerEnv(),
    });
    expect(stdout).toContain('saves the login when Connect redirects');
    expect(stdout).toContain('shows help on INVALID_LOGIN');
    expect(stdout).toMatch(/Tests\s+2 passed/);
  }, 60_000);

  it('runs the Playwright example green in Chromium', async () => {
    const { stdout } = await run('pnpm', ['exec', 'playwright', 'test', '--reporter=line'], {
      cwd: project,
      timeout: 90_000,
      env: consumerEnv({ CHROMIUM_PATH: inject('chromium').executablePath, PORT: String(await freePort()) }),
    });
    expect(stdout).toContain('1 passed');
  }, 90_000);
});
