import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// What ships: the built files, as `pnpm test` runs them after `pnpm build`.
const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));
const require = createRequire(import.meta.url);

beforeAll(() => {
  if (!existsSync(dist('index.js'))) {
    throw new Error('dist/ is missing: run `pnpm --filter @flinks-embed/server build` before these tests.');
  }
});

describe('the built package', () => {
  it.each([
    [
      'index',
      [
        'FlinksApiError',
        'FlinksConfigError',
        'createAuthorizeTokenHandler',
        'createFlinksClient',
        'createWebhookHandler',
        'verifyWebhookSignature',
      ],
    ],
    ['node', ['toNodeListener']],
  ])('%s: ESM and CommonJS export exactly the public API', async (entry, names) => {
    const esm = (await import(/* @vite-ignore */ dist(`${entry}.js`))) as Record<string, unknown>;
    const cjs = require(dist(`${entry}.cjs`)) as Record<string, unknown>;

    expect(Object.keys(esm).sort()).toEqual(names);
    expect(Object.keys(cjs).sort()).toEqual(names);
  });

  it('keeps Node built-ins out of the main entry, so it runs on edge runtimes', () => {
    for (const file of ['index.js', 'index.cjs']) {
      expect(readFileSync(dist(file), 'utf8')).not.toMatch(
        /\bfrom\s+["']node:|require\(["']node:|\bprocess\.|\bBuffer\b/,
      );
    }
  });

  it('ships type declarations for both formats and both entries', () => {
    for (const file of ['index.d.ts', 'index.d.cts', 'node.d.ts', 'node.d.cts']) {
      expect(readFileSync(dist(file), 'utf8')).toMatch(/export \{/);
    }
  });
});
