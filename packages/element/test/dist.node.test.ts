// Tests what ships: the built files, in both module formats, as Node loads them.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const read = (file: string): string => readFileSync(new URL(`../${file}`, import.meta.url), 'utf8');
const manifest = JSON.parse(read('package.json'));

// A fresh Node, without the test runner's export conditions: dist and core's dist, as installed.
const run = (type: 'module' | 'commonjs', code: string): string =>
  execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], {
    cwd: packageDir,
    encoding: 'utf8',
    env: { PATH: process.env.PATH },
  });

const CHECK = `
  if (typeof main.mountFlinksConnect !== 'function') throw new Error('no mountFlinksConnect');
  if (typeof main.FlinksConnectError !== 'function') throw new Error('no FlinksConnectError');
  if (typeof define.FlinksConnectElement !== 'function') throw new Error('no FlinksConnectElement');
  process.stdout.write(define.FlinksConnectElement.observedAttributes.join(','));`;

describe('the built package', () => {
  it.each([
    [
      'ESM',
      'module',
      `const main = await import('@flinks-embed/element'); const define = await import('@flinks-embed/element/define');`,
    ],
    [
      'CJS',
      'commonjs',
      `const main = require('@flinks-embed/element'); const define = require('@flinks-embed/element/define');`,
    ],
  ] as const)('loads both entries from the %s build on a server without a DOM', (_, type, load) => {
    expect(run(type, load + CHECK).split(',')).toEqual(
      expect.arrayContaining(['instance', 'connect-url', 'language', 'frame-title', 'inner-redirect']),
    );
  });

  it('registers the element only from the define entry, the one listed in sideEffects', () => {
    expect(manifest.sideEffects).toEqual([
      './dist/define.js',
      './dist/define.cjs',
      './dist/flinks-connect.browser.js',
      './src/define.ts',
      './src/browser.ts',
    ]);
    expect(read('dist/define.js')).toContain('customElements.define("flinks-connect"');
    expect(read('dist/define.cjs')).toContain('customElements.define("flinks-connect"');
    for (const file of ['dist/index.js', 'dist/index.cjs'])
      expect(read(file)).not.toContain('customElements');
  });

  it('declares its types first in the exports map, the DOM event types, and no dependency but core', () => {
    for (const entry of ['.', './define']) {
      for (const format of ['import', 'require']) {
        expect(Object.keys(manifest.exports[entry][format])[0]).toBe('types');
      }
    }
    expect(manifest.dependencies).toEqual({ '@flinks-embed/core': 'workspace:^' });
    // Core is imported, not bundled in: an app with the React binding too gets one copy.
    expect(read('dist/index.js')).toContain('from "@flinks-embed/core"');
    for (const file of readdirSync(new URL('../dist/', import.meta.url)).filter((name) =>
      /\.c?js$/.test(name),
    )) {
      expect(read(`dist/${file}`)).not.toContain('createAuthorizeTokenSource');
    }
    const types = read(manifest.exports['./define'].import.types);
    // The declarations live in a shared chunk, which the entry's types import.
    const chunk = read(`dist/${/from "\.\/(flinks-connect-element-[\w-]+)\.js"/.exec(types)?.[1]}.d.ts`);
    expect(chunk).toMatch(/interface HTMLElementEventMap extends FlinksConnectEventMap/);
    expect(chunk).toMatch(/'flinks-connect': FlinksConnectElement/);
  });
});
