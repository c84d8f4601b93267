import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSET = join('connect-page', 'app.js');
let script: string | undefined;

/**
 * The Connect page's browser script, as the package build wrote it to `dist/connect-page/app.js`.
 * Built text, read as is: re-bundling the simulator (with esbuild `--keep-names`, say) cannot
 * change it. Replaces `script.ts` in the build (see tsdown.config.ts).
 */
export function connectPageScript(): string {
  script ??= readFileSync(locateAsset(), 'utf8');
  return script;
}

function locateAsset(): string {
  // dist/index.js and dist/index.cjs: the asset is beside them.
  const beside = join(dirname(fileURLToPath(import.meta.url)), ASSET);
  if (existsSync(beside)) return beside;
  // Re-bundled into another build: the installed package still holds it.
  try {
    const packageJson = createRequire(import.meta.url).resolve('@flinks-embed/simulator/package.json');
    const installed = join(dirname(packageJson), 'dist', ASSET);
    if (existsSync(installed)) return installed;
  } catch {
    // Not resolvable from here: say where it was looked for.
  }
  throw new Error(
    `The simulator's Connect page script (dist/${ASSET}) was not found beside ${beside}, ` +
      'nor in an installed @flinks-embed/simulator. Rebuild the package (`pnpm --filter @flinks-embed/simulator build`) ' +
      'or keep @flinks-embed/simulator out of your bundle (mark it external).',
  );
}
