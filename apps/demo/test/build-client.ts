import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { findAppRoot } from '../server/demo-server';

export interface BuiltClient {
  dir: string;
  /** Every built file, path relative to `dir`, with its text. */
  files(): Promise<{ name: string; text: string }[]>;
  remove(): Promise<void>;
}

/**
 * `vite build` of the demo's client, as `pnpm --filter demo build` does it (the packages come from
 * their built `dist`), into a temporary folder. `env` is set in `process.env` for the build only.
 */
export async function buildClient(
  env: Record<string, string> = {},
  options: { envDir?: string } = {},
): Promise<BuiltClient> {
  const root = findAppRoot();
  const dir = await mkdtemp(path.join(tmpdir(), 'flinks-demo-client-'));
  const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
  Object.assign(process.env, env);
  try {
    await build({
      root,
      configFile: path.join(root, 'vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      ...(options.envDir ? { envDir: options.envDir } : {}),
      build: { outDir: dir, emptyOutDir: true },
    });
  } finally {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  return {
    dir,
    async files() {
      const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)));
      return Promise.all(
        names.map(async (name) => ({ name, text: await readFile(path.join(dir, name), 'utf8') })),
      );
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
