// `pnpm simulator [--port 0 ...]`: the local Flinks simulator's CLI, from a fresh clone or after
// any edit. `npx flinks-simulator` cannot do that here: the bin is linked before it is built, so
// npx falls through to the public registry and would run whatever package holds that name.
// This builds the simulator when its dist is missing or older than its sources, then runs it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageDir = fileURLToPath(new URL('../packages/simulator/', import.meta.url));
const cli = join(packageDir, 'dist', 'cli.js');

/** The newest modification time among the files under `dir`. */
const newest = (dir) =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true }).map((entry) =>
      entry.isDirectory() ? newest(join(dir, entry.name)) : statSync(join(dir, entry.name)).mtimeMs,
    ),
  );

if (!existsSync(cli) || newest(join(packageDir, 'src')) > statSync(cli).mtimeMs) {
  process.stderr.write('Building @flinks-embed/simulator first...\n');
  execFileSync('pnpm', ['--filter', '@flinks-embed/simulator', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
// The CLI reads its flags from process.argv, which `pnpm simulator --port 0` passes through, and
// names this command in its hints.
process.env.FLINKS_SIMULATOR_COMMAND = 'pnpm simulator';
await import(pathToFileURL(cli).href);
