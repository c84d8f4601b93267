// What each tarball holds, packed as `pnpm publish` packs it (publishConfig applied).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const packages = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const NAMES = ['core', 'react', 'server', 'simulator'];

interface Packed {
  files: string[];
  manifest: Record<string, unknown> & { exports: Record<string, unknown> };
}
const packed = new Map<string, Packed>();

beforeAll(() => {
  const out = mkdtempSync(join(tmpdir(), 'flinks-published-'));
  for (const name of NAMES) {
    execFileSync('pnpm', ['pack', '--pack-destination', join(out, name)], {
      cwd: join(packages, name),
      stdio: 'ignore',
    });
    const tarball = join(out, name, readdirSync(join(out, name))[0]!);
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n');
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }),
    );
    packed.set(name, { files, manifest });
  }
}, 60_000);

describe.each(NAMES)('the packed @flinks-embed/%s', (name) => {
  it('holds the MIT LICENSE, the README and the CHANGELOG', () => {
    const { files, manifest } = packed.get(name)!;
    expect(files).toEqual(
      expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/CHANGELOG.md']),
    );
    expect(manifest.license).toBe('MIT');
  });

  it('says where it comes from, who to tell, what it runs on, and that it is public', () => {
    const { manifest } = packed.get(name)!;
    expect(manifest).toMatchObject({
      repository: {
        type: 'git',
        url: expect.stringMatching(/^git\+https:\/\/.+\.git$/),
        directory: `packages/${name}`,
      },
      homepage: expect.stringMatching(/^https:\/\//),
      bugs: { url: expect.stringMatching(/^https:\/\//) },
      keywords: expect.arrayContaining(['flinks']),
      engines: { node: expect.stringMatching(/^>=\d+/) },
      publishConfig: { access: 'public' },
    });
  });

  it('publishes no export condition that points at the TypeScript sources (not in the tarball)', () => {
    const { files, manifest } = packed.get(name)!;
    expect(JSON.stringify(manifest.exports)).not.toContain('@flinks-embed/source');
    expect(files.some((file) => file.startsWith('package/src/'))).toBe(false);
    // Every file the exports map names is in the tarball.
    const targets: string[] = [];
    JSON.stringify(manifest.exports, (_, value: unknown) => {
      if (typeof value === 'string') targets.push(value);
      return value;
    });
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) expect(files).toContain(`package/${target.slice(2)}`);
  });
});

describe('the packed dependencies', () => {
  it('let @flinks-embed/react take any compatible core, and React from 18.0', () => {
    const { manifest } = packed.get('react')!;
    const version = packed.get('core')!.manifest.version as string;
    expect(manifest.dependencies).toEqual({ '@flinks-embed/core': `^${version}` });
    expect(manifest.peerDependencies).toEqual({
      react: '^18.0.0 || ^19.0.0',
      'react-dom': '^18.0.0 || ^19.0.0',
    });
  });

  it('give @flinks-embed/server/node a fallback for resolvers without exports (TypeScript node10)', () => {
    const { files } = packed.get('server')!;
    expect(files).toContain('package/node/package.json');
  });
});
