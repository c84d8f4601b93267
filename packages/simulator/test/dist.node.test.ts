import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// What ships: the built files, as `pnpm test` runs them after `pnpm build`.
const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

beforeAll(() => {
  if (!existsSync(dist('index.js'))) {
    throw new Error(
      'dist/ is missing: run `pnpm --filter @flinks-embed/simulator build` before these tests.',
    );
  }
});

describe('the built package', () => {
  it('exports the same API from ESM and CommonJS', async () => {
    const esm = (await import(/* @vite-ignore */ dist('index.js'))) as Record<string, unknown>;
    const cjs = createRequire(import.meta.url)(dist('index.cjs')) as Record<string, unknown>;

    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm)).toEqual(
      expect.arrayContaining(['startFlinksSimulator', 'renderStaticConnectPage', 'connectPageDir']),
    );
  });

  it('ships the static Connect page, written by the shipped generator, where connectPageDir() points', () => {
    // Plain Node, not Vitest's module runner: the page embeds function source text, which Vite reprints.
    const script = (format: 'esm' | 'cjs', expression: string): string =>
      execFileSync(
        process.execPath,
        format === 'esm'
          ? [
              '--input-type=module',
              '-e',
              `import * as m from ${JSON.stringify(pathToFileURL(dist('index.js')).href)}; process.stdout.write(${expression});`,
            ]
          : [
              '-e',
              `const m = require(${JSON.stringify(dist('index.cjs'))}); process.stdout.write(${expression});`,
            ],
        { encoding: 'utf8' },
      );

    expect(readFileSync(dist('connect/index.html'), 'utf8')).toBe(
      script('esm', 'm.renderStaticConnectPage()'),
    );
    expect(script('esm', 'm.connectPageDir()')).toBe(dist('connect'));
    expect(script('cjs', 'm.connectPageDir()')).toBe(dist('connect'));
  });

  it('runs the prebuilt page script, dist/connect-page/app.js, and never a bundler', () => {
    const app = readFileSync(dist('connect-page/app.js'), 'utf8');
    expect(app).toContain('APP_MOUNTED');
    expect(readFileSync(dist('connect/index.html'), 'utf8')).toContain(`<script>${app}</script>`);
    for (const file of ['index.js', 'index.cjs'])
      expect(readFileSync(dist(file), 'utf8')).not.toMatch(/(?:from |require\()['"]esbuild['"]/);
  });
});

describe('the flinks-simulator bin', () => {
  it('is an executable ESM file with a node shebang', () => {
    expect(readFileSync(dist('cli.js'), 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
    expect(() => accessSync(dist('cli.js'), constants.X_OK)).not.toThrow();
  });

  it('starts a simulator, prints its URLs and credentials, serves the page, and stops on SIGTERM', async () => {
    const child = spawn(dist('cli.js'), ['--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

    await expect.poll(() => output, { timeout: 10_000 }).toContain('Press Ctrl+C to stop.');
    const connectUrl = /Connect page\s+(\S+)/.exec(output)?.[1] ?? '';
    expect(connectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v2\/$/);
    expect(output).toMatch(/secretKey\s+flinks-simulator-secret-key/);
    expect(output).toContain('Greatday / Everyday');
    expect((await fetch(connectUrl)).status).toBe(200);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains a bad option and exits 1', async () => {
    const child = spawn(process.execPath, [dist('cli.js'), '--port', 'eighty'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));

    expect(await new Promise((resolve) => child.once('exit', resolve))).toBe(1);
    expect(errors).toContain('--port must be a whole number, got "eighty"');
  });
});
