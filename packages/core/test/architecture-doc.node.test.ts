// docs/architecture.md tells a newcomer which file owns each rule: it must name files that exist,
// and every source file of core and of the two bindings must have its place in it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const packages = new URL('../../', import.meta.url);
const page = readFileSync(new URL('../docs/architecture.md', packages), 'utf8');

/** `core/src/x.ts`, and `react/src/a.ts` with its siblings named after it (`, b.ts`). */
const named = [
  ...page.matchAll(/`((?:core|react|element)\/src\/)([\w.-]+\.tsx?)`((?:, `[\w.-]+\.tsx?`)*)/g),
].flatMap(([, folder, file, siblings]) => [
  folder! + file!,
  ...[...(siblings ?? '').matchAll(/`([\w.-]+\.tsx?)`/g)].map(([, sibling]) => folder! + sibling!),
]);

/** The source files of a package's `src` (not tests, stories, test helpers or declarations). */
const sources = (name: string) =>
  readdirSync(new URL(`${name}/src/`, packages))
    .filter((file) => /\.tsx?$/.test(file) && !/\.(test|stories|d)\.tsx?$|^test-helpers\./.test(file))
    .map((file) => `${name}/src/${file}`);

describe('docs/architecture.md', () => {
  it('names only files that exist', () => {
    expect(named.length).toBeGreaterThan(20);
    for (const file of named) expect(existsSync(new URL(file, packages)), file).toBe(true);
  });

  it("gives every source file of core's rules and of the bindings its place", () => {
    const unnamed = [...sources('core'), ...sources('react'), ...sources('element')].filter(
      (file) => !named.includes(file) && !/\/(index|define|browser)\.ts$/.test(file),
    );
    expect(unnamed).toEqual([]);
  });
});
