import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, installPacked } from '@flinks-embed/test-support/packed';

// What users install: the packed tarball, unpacked into a fresh project, used from plain Node.
const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = resolve(packageDir, '../../node_modules/typescript/bin/tsc');
let project: string;

const run = (file: string, args: string[]) => execFileSync(file, args, { cwd: project, encoding: 'utf8' });

beforeAll(() => {
  project = consumerProject('flinks-core-consumer-');
  installPacked(project, '@flinks-embed/core', import.meta.url);
}, 60_000);

const NAMES = '{ buildConnectUrl, connectUrlForInstance, FlinksConnectError }';
const script = (load: string, typed: boolean) => `${load}
const url${typed ? ': string' : ''} = buildConnectUrl(connectUrlForInstance('toolbox'), { demo: true, language: 'fr' }, 'tok');
const error = new FlinksConnectError('invalid_options', 'x');
console.log(JSON.stringify({ url, code: error.code, isError: error instanceof Error }));
`;
const expected = {
  url: 'https://toolbox-iframe.private.fin.ag/v2/?demo=true&language=fr&authorizeToken=tok',
  code: 'invalid_options',
  isError: true,
};

describe('the packed @flinks-embed/core', () => {
  it('works through import (ESM)', () => {
    writeFileSync(join(project, 'esm.mjs'), script(`import ${NAMES} from '@flinks-embed/core';`, false));
    expect(JSON.parse(run('node', ['esm.mjs']))).toEqual(expected);
  });

  it('works through require (CJS)', () => {
    writeFileSync(join(project, 'cjs.cjs'), script(`const ${NAMES} = require('@flinks-embed/core');`, false));
    expect(JSON.parse(run('node', ['cjs.cjs']))).toEqual(expected);
  });

  it('has types that resolve for both module systems', () => {
    writeFileSync(join(project, 'esm.mts'), script(`import ${NAMES} from '@flinks-embed/core';`, true));
    writeFileSync(
      join(project, 'cjs.cts'),
      script(`import core = require('@flinks-embed/core');\nconst ${NAMES} = core;`, true),
    );
    writeFileSync(
      join(project, 'bad.mts'),
      `import { buildConnectUrl } from '@flinks-embed/core';\nbuildConnectUrl('x', {}, 1);\n`,
    );
    const tscArgs = [
      tsc,
      '--noEmit',
      '--strict',
      '--module',
      'node16',
      '--moduleResolution',
      'node16',
      '--lib',
      'es2022,dom',
    ];
    const typecheck = (...files: string[]) => {
      try {
        return run(process.execPath, [...tscArgs, ...files]);
      } catch (error) {
        return (error as { stdout: string }).stdout || 'failed';
      }
    };
    expect(typecheck('esm.mts', 'cjs.cts')).toBe('');
    // The types are really there: a wrong call fails to compile.
    expect(typecheck('bad.mts')).toMatch(/bad\.mts.*error TS2345/);
  }, 60_000); // two tsc runs: seconds each on a busy two-core machine
});
