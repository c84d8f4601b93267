import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Entry from '../src/playwright';

// `@flinks-embed/simulator/playwright` as it ships: it must load without Playwright installed
// (an optional peer), and its fixture must start a simulator and close it when the worker ends.
const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

beforeAll(() => {
  if (!existsSync(dist('playwright.js'))) {
    throw new Error(
      'dist/ is missing: run `pnpm --filter @flinks-embed/simulator build` before these tests.',
    );
  }
});

describe('the built Playwright entry', () => {
  it('loads from ESM and CommonJS with the same API, importing no Playwright', async () => {
    const esm = (await import(/* @vite-ignore */ dist('playwright.js'))) as typeof Entry;
    const cjs = createRequire(import.meta.url)(dist('playwright.cjs')) as typeof Entry;
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(esm)).toEqual(
      expect.arrayContaining([
        'sandboxBank',
        'flinksSimulatorFixture',
        'startFlinksSimulator',
        'SANDBOX_BANK_LABELS',
      ]),
    );
    for (const file of ['playwright.js', 'playwright.cjs']) {
      expect(readFileSync(dist(file), 'utf8')).not.toMatch(
        /^import[^\n]*["']@?playwright|require\(["']@?playwright/m,
      );
    }
  });

  it('gives a Playwright worker fixture a running simulator, and closes it after', async () => {
    const { flinksSimulatorFixture } = (await import(
      /* @vite-ignore */ dist('playwright.js')
    )) as typeof Entry;
    let connectUrl = '';
    await flinksSimulatorFixture({ tokenLifetimeMs: 60_000 })({}, async (simulator) => {
      connectUrl = simulator.connectUrl;
      expect((await fetch(connectUrl)).status).toBe(200);
    });
    await expect(fetch(connectUrl)).rejects.toThrow();
  });
});
