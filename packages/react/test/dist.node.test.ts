// Tests what ships: the built files, in both module formats, as Node loads them.
import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const code = readdirSync(dist).filter((file) => /\.(c|m)?js$/.test(file));

describe('the built package', () => {
  it('has an ESM and a CJS build', () => {
    expect(code).toEqual(expect.arrayContaining(['index.js', 'index.cjs']));
  });

  it.each(code)("starts %s with 'use client', for React Server Components frameworks", (file) => {
    expect(readFileSync(dist + file, 'utf8')).toMatch(/^(['"])use client\1;?\r?\n/);
  });

  // A fresh Node, without the test runner's export conditions: dist and core's dist, as installed.
  const serverRender = (load: string, type: 'module' | 'commonjs') =>
    execFileSync(
      process.execPath,
      [
        `--input-type=${type}`,
        '-e',
        `${load}
        const { createElement } = require('react');
        const { renderToString } = require('react-dom/server');
        const { FlinksConnect, useAuthorizeToken, FlinksConnectError, isFlinksConnectError } = pkg;
        if ([useAuthorizeToken, FlinksConnectError, isFlinksConnectError].some((f) => typeof f !== 'function')) throw new Error('missing exports');
        process.stdout.write(renderToString(createElement(FlinksConnect, { instance: 'toolbox', fetchAuthorizeToken: async () => 'token' })));`,
      ],
      {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        encoding: 'utf8',
        env: { PATH: process.env.PATH },
      },
    );

  it.each([
    [
      'ESM',
      "import * as pkg from './dist/index.js'; import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      'module',
    ],
    ['CJS', "const pkg = require('./dist/index.cjs');", 'commonjs'],
  ] as const)('server-renders the loading state from the %s build', (_, load, type) => {
    const html = serverRender(load, type);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<link');
    expect(html).not.toContain('<iframe');
  });

  it('declares its types first in the exports map and no side effects', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(manifest.sideEffects).toBe(false);
    for (const format of ['import', 'require']) {
      expect(Object.keys(manifest.exports['.'][format])[0]).toBe('types');
    }
    expect(Object.keys(manifest.dependencies)).toEqual(['@flinks-embed/core']);
  });
});
