import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The workspace's lint config, as `pnpm lint` runs it, on code written as if it sat in these files.
const root = fileURLToPath(new URL('../../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function crossings(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages
    .filter((message) => message.ruleId === 'workspace/no-relative-import-across-packages')
    .map((message) => message.message);
}

describe('relative imports across packages', () => {
  it("fails a test, a story or a tool that reaches into another package's files", async () => {
    expect(
      await crossings('packages/react/test/x.test.ts', `import { a } from '../../core/test/packed';`),
    ).toEqual([expect.stringContaining('Import it by its name')]);
    expect(
      await crossings('packages/react/src/x.stories.tsx', `export * from '../../../.storybook/kit/play';`),
    ).toHaveLength(1);
    expect(
      await crossings(
        '.storybook/x.ts',
        `const m = await import('../packages/simulator/src/playwright-steps');`,
      ),
    ).toHaveLength(1);
    expect(
      await crossings('bench/src/x.mjs', `export { b } from '../../packages/react/bench/measure-size.mjs';`),
    ).toHaveLength(1);
  });

  it('passes imports inside a package and imports by package name', async () => {
    expect(
      await crossings(
        'packages/react/src/testing/x.ts',
        `import { a } from '../index';\nimport { b } from './flow';`,
      ),
    ).toEqual([]);
    expect(await crossings('packages/react/src/x.test.ts', `import { c } from '../test/jsdom';`)).toEqual([]);
    expect(
      await crossings(
        'packages/react/test/x.test.ts',
        `import { d } from '@flinks-embed/test-support/packed';`,
      ),
    ).toEqual([]);
  });
});
