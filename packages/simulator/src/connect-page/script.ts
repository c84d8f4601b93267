import { bundleConnectPageApp } from './bundle-app';

let script: string | undefined;

/**
 * The Connect page's browser script, run from the TypeScript sources: bundled on first use.
 * The package build swaps this module for `script.dist.ts`, which reads the prebuilt asset
 * (see tsdown.config.ts), so the published files never run a bundler.
 */
export function connectPageScript(): string {
  script ??= bundleConnectPageApp();
  return script;
}
