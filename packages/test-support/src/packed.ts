// Installs packages the way users get them, as packed tarballs, into a fresh project outside the
// workspace (so nothing resolves to the workspace's own node_modules).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A new, empty consumer project in the temp folder; returns its path. */
export function consumerProject(prefix: string): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "private": true }');
  return project;
}

/**
 * `pnpm pack`s the workspace package `name`, found the way Node finds it from `from` (a test's
 * `import.meta.url`), and unpacks it into `project`'s node_modules.
 */
export function installPacked(project: string, name: string, from: string | URL): void {
  const packageDir = dirname(createRequire(from).resolve(`${name}/package.json`));
  const before = new Set(readdirSync(project));
  execFileSync('pnpm', ['pack', '--pack-destination', project], { cwd: packageDir, stdio: 'ignore' });
  const tarball = readdirSync(project).find((file) => file.endsWith('.tgz') && !before.has(file))!;
  const target = join(project, 'node_modules', name);
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, tarball), '-C', target, '--strip-components=1']);
}
