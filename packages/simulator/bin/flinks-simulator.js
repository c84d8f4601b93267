#!/usr/bin/env node
// The bin is this small file rather than dist/cli.js itself: it exists before a build, so
// `pnpm install` links it in a fresh clone (instead of warning "Failed to create bin") and, in the
// workspace, `npx flinks-simulator` runs this package rather than looking the name up on the registry.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    'flinks-simulator: @flinks-embed/simulator is not built yet. Run `pnpm simulator` at the root of the repository (it builds first), or `pnpm build`.\n',
  );
  process.exit(1);
}
await import(cli.href);
