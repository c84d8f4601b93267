import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Absolute path of the folder holding the built static Connect page (`index.html`), for a static
 * file server, e.g. Storybook's `staticDirs: [{ from: connectPageDir(), to: '/flinks-connect' }]`.
 * Throws with the command to run when the package has not been built yet.
 */
export function connectPageDir(): string {
  // Resolved through the package's own name so it works from src/ and dist/, ESM and CommonJS.
  const packageJson = createRequire(import.meta.url).resolve('@flinks-embed/simulator/package.json');
  const dir = join(dirname(packageJson), 'dist', 'connect');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(
      `The static Connect page is not built yet (no ${join(dir, 'index.html')}). ` +
        'Run `pnpm --filter @flinks-embed/simulator build`, or serve renderStaticConnectPage() yourself.',
    );
  }
  return dir;
}
