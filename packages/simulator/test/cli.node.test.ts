// The built CLI, as `pnpm simulator` runs it.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startFlinksSimulator } from '../dist/index.js';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

describe('flinks-simulator', () => {
  it('names the --port 0 flag when the port is taken', async () => {
    const sim = await startFlinksSimulator({ port: 0 });
    try {
      const port = new URL(sim.instanceUrl).port;
      const run = promisify(execFile)(process.execPath, [cli, '--port', port], { encoding: 'utf8' });
      const failed = await run.then(
        () => ({ code: 0, stderr: '' }),
        (error: { code: number; stderr: string }) => error,
      );
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(`port ${port} is already in use. Pass --port 0 to pick a free port`);
      expect(failed.stderr).not.toContain('port: 0');
    } finally {
      await sim.close();
    }
  });

  it('run as `pnpm simulator`, names that command in its hints, not a bin the repository root lacks', async () => {
    const script = fileURLToPath(new URL('../../../scripts/simulator.mjs', import.meta.url));
    const failed = await promisify(execFile)(process.execPath, [script, '--port', 'eighty'], {
      encoding: 'utf8',
    }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('--port must be a whole number, got "eighty".');
    expect(failed.stderr).toContain('Run pnpm simulator --help for usage.');
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--help'], { encoding: 'utf8' });
    expect(stdout).toContain('Usage: pnpm simulator [options]');
  });

  it('is a bin that exists before a build, so pnpm install links it and npx finds it locally', async () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    const bin: string = manifest.bin['flinks-simulator'];
    expect(bin).not.toMatch(/dist\//);
    expect(manifest.files).toContain(bin.split('/')[1]);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [fileURLToPath(new URL(`../${bin}`, import.meta.url)), '--help'],
      { encoding: 'utf8' },
    );
    expect(stdout).toContain('Usage: flinks-simulator [options]');
  });
});
