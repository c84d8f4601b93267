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
 * docs/testing.md's examples, run as printed: its code blocks are the files of two consumer
 * projects (test/consumer-kit with Vitest and Playwright, test/consumer-kit-jest with Jest), each
 * installed outside the workspace with its own package.json and the packed packages, then run.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = join(root, 'test/consumer-kit');
const jestFixture = join(root, 'test/consumer-kit-jest');
const run = promisify(execFile);
const PACKED = {
  '@flinks-embed/core': 'core',
  '@flinks-embed/react': 'react',
  '@flinks-embed/simulator': 'simulator',
};

/** Every `<!-- file: test/PROJECT/NAME -->` code block of the page, keyed `PROJECT/NAME`. */
function documentedFiles(): Map<string, string> {
  const page = readFileSync(join(root, 'docs/testing.md'), 'utf8');
  const blocks = page.matchAll(
    /<!-- file: test\/(consumer-kit(?:-jest)?\/\S+) -->\n```\w+\n([\s\S]*?)\n```/g,
  );
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
  it('prints the consumer projects’ files exactly: Vitest, Jest and Playwright examples and their setup', () => {
    const documented = documentedFiles();
    expect([...documented.keys()].sort()).toEqual([
      'consumer-kit-jest/babel.config.cjs',
      'consumer-kit-jest/jest.config.cjs',
      'consumer-kit-jest/src/LinkBank.test.tsx',
      'consumer-kit/e2e/link-bank.spec.ts',
      'consumer-kit/playwright.config.ts',
      'consumer-kit/server.mjs',
      'consumer-kit/src/LinkBank.test.tsx',
      'consumer-kit/src/LinkBank.tsx',
      'consumer-kit/src/main.tsx',
      'consumer-kit/vitest.config.ts',
    ]);
    for (const [name, code] of documented)
      expect(code, name).toBe(readFileSync(join(root, 'test', name), 'utf8'));
  });

  it('stands alone: no link into this repository, whose files are in no package', () => {
    const page = readFileSync(join(root, 'docs/testing.md'), 'utf8');
    expect(page).not.toMatch(/\]\((?!https?:)/);
  });

  it('names in its install command exactly the Jest project’s development packages', () => {
    const page = readFileSync(join(root, 'docs/testing.md'), 'utf8');
    const command = /```sh\nnpm install --save-dev (.+)\n```/.exec(page)?.[1];
    const manifest = JSON.parse(readFileSync(join(jestFixture, 'package.json'), 'utf8'));
    expect(command?.split(' ').sort()).toEqual(Object.keys(manifest.devDependencies).sort());
  });
});

describe('the documented examples, in fresh consumer projects with the packed packages', () => {
  let packs: string;
  let project: string;
  let jestProject: string;

  /** A copy of `from` whose dependencies on the packed packages point at their tarballs, installed. */
  async function install(from: string, tarballs: Record<string, string>): Promise<string> {
    const dir = mkdtempSync(join(tmpdir(), 'flinks-consumer-kit-'));
    cpSync(from, dir, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const deps of [manifest.dependencies, manifest.devDependencies]) {
      for (const name of Object.keys(deps)) if (tarballs[name]) deps[name] = tarballs[name];
    }
    // @flinks-embed/react depends on @flinks-embed/core, which must come from its tarball too.
    manifest.pnpm = { overrides: { '@flinks-embed/core': tarballs['@flinks-embed/core'] } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
    // From the pnpm store; the registry only for what the store lacks (on a cold one: Playwright, Jest, Babel).
    await run('pnpm', ['install', '--prefer-offline', '--ignore-workspace', '--reporter=silent'], {
      cwd: dir,
      timeout: 150_000,
    });
    return dir;
  }

  beforeAll(async () => {
    packs = mkdtempSync(join(tmpdir(), 'flinks-packs-'));
    const tarballs: Record<string, string> = {};
    for (const [name, dir] of Object.entries(PACKED)) {
      const before = new Set(readdirSync(packs));
      await run('pnpm', ['pack', '--pack-destination', packs], { cwd: join(root, 'packages', dir) });
      tarballs[name] = `file:${join(
        packs,
        readdirSync(packs).find((file) => !before.has(file))!,
      )}`;
    }
    [project, jestProject] = await Promise.all([install(fixture, tarballs), install(jestFixture, tarballs)]);
    // The app under test is the one the page prints once, for both runners.
    cpSync(join(fixture, 'src/LinkBank.tsx'), join(jestProject, 'src/LinkBank.tsx'));
  }, 180_000);

  afterAll(() => {
    for (const dir of [project, jestProject, packs]) if (dir) rmSync(dir, { recursive: true, force: true });
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

  it('runs the Jest example green on jsdom', async () => {
    // Jest reports on stderr.
    const { stderr } = await run('pnpm', ['exec', 'jest', '--verbose'], {
      cwd: jestProject,
      timeout: 60_000,
      env: consumerEnv(),
    });
    expect(stderr).toContain('saves the login when Connect redirects');
    expect(stderr).toContain('shows help on INVALID_LOGIN');
    expect(stderr).toMatch(/Tests:\s+2 passed, 2 total/);
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
