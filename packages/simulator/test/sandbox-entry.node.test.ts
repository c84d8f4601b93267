import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Sandbox from '../src/sandbox';

// `@flinks-embed/simulator/sandbox` as it ships: the table browsers import (Storybook's play
// functions, jsdom tests), so it must load without Playwright and without Node's built-ins.
const dist = (file: string): string => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

beforeAll(() => {
  if (!existsSync(dist('sandbox.js'))) {
    throw new Error(
      'dist/ is missing: run `pnpm --filter @flinks-embed/simulator build` before these tests.',
    );
  }
});

/** The file and every file it imports, relatively, transitively. */
function withImports(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(dist(file), 'utf8');
  for (const [, next] of code.matchAll(/(?:from|require\()\s*["']\.\/([^"']+)["']/g))
    withImports(next!, seen);
  return seen;
}

describe('the built sandbox entry', () => {
  it('loads from ESM and CommonJS with the same API, importing neither Playwright nor Node', async () => {
    const esm = (await import(/* @vite-ignore */ dist('sandbox.js'))) as typeof Sandbox;
    const cjs = createRequire(import.meta.url)(dist('sandbox.cjs')) as typeof Sandbox;
    expect(Object.keys(esm).sort()).toEqual([
      'SANDBOX_BANK_LABELS',
      'SANDBOX_BANK_LOGIN',
      'SANDBOX_HAPPY_PATH',
      'sandboxHappyPath',
    ]);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).sort());
    for (const entry of ['sandbox.js', 'sandbox.cjs']) {
      for (const file of withImports(entry)) {
        expect(readFileSync(dist(file), 'utf8'), file).not.toMatch(/(?:from|require\()\s*["'](?!\.\/)/);
      }
    }
  });

  it('is the same table the Playwright driver clicks through', async () => {
    const sandbox = (await import(/* @vite-ignore */ dist('sandbox.js'))) as typeof Sandbox;
    const driver = (await import(/* @vite-ignore */ dist('playwright.js'))) as typeof Sandbox;
    expect(driver.SANDBOX_BANK_LABELS).toBe(sandbox.SANDBOX_BANK_LABELS);
    expect(driver.SANDBOX_HAPPY_PATH).toBe(sandbox.SANDBOX_HAPPY_PATH);
  });

  it('names the happy path with and without the consent and MFA screens', async () => {
    const { sandboxHappyPath, SANDBOX_HAPPY_PATH } = (await import(
      /* @vite-ignore */ dist('sandbox.js')
    )) as typeof Sandbox;
    const without = (pattern: RegExp): string[] => SANDBOX_HAPPY_PATH.filter((step) => !pattern.test(step));
    expect(SANDBOX_HAPPY_PATH).toHaveLength(12);
    expect(sandboxHappyPath()).toEqual([...SANDBOX_HAPPY_PATH]);
    expect(sandboxHappyPath({ consent: false })).toEqual(without(/CONSENT/));
    expect(sandboxHappyPath({ mfa: false })).toEqual(without(/MFA/));
    expect(sandboxHappyPath({ consent: false, mfa: false })).toEqual(without(/CONSENT|MFA/));
    expect(sandboxHappyPath({ consent: false, mfa: false })).toContain('REDIRECT');
  });
});
