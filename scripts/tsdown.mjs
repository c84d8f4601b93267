// Builds the package in the current directory with its tsdown.config.ts, through tsdown's API.
// Why not the `tsdown` CLI: tsdown 0.21 supports Node 20.19+ (its engines say so, and the project
// pins 0.21.10 because 0.22 needs Node 22), yet its CLI prints on every run that the *next* minor
// will drop Node 20. That says nothing about this build, so it is not printed; the build's own
// warnings and errors still are (log level "warn"), and any of them fails `pnpm build`.
import { build } from 'tsdown';

await build({ logLevel: 'warn', failOnWarn: true });
