// The dual-package hazard: an app whose dependencies load both builds of core (one through
// `import`, one through `require`) has two FlinksConnectError classes. `instanceof` and
// isFlinksConnectError must recognize an error from either, in one fresh Node process.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

const run = (script: string) =>
  JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: packageDir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH },
    }),
  );

describe('FlinksConnectError across the ESM and CJS builds', () => {
  it('is recognized by instanceof and isFlinksConnectError, whichever build made it', () => {
    const result = run(`
      import { createRequire } from 'node:module';
      import * as esm from './dist/index.js';
      const cjs = createRequire(import.meta.url)('./dist/index.cjs');
      const fromEsm = new esm.FlinksConnectError('token_rejected', 'x');
      const fromCjs = new cjs.FlinksConnectError('token_rejected', 'x');
      // A real error from the library, made by the CJS build's own code.
      let thrown;
      try { cjs.buildConnectUrl('http://example.com/v2/', {}, 't'); } catch (error) { thrown = error; }
      const lookalike = Object.assign(new Error('x'), { name: 'FlinksConnectError', code: 'token_rejected' });
      console.log(JSON.stringify({
        twoClasses: esm.FlinksConnectError !== cjs.FlinksConnectError,
        cjsErrorInstanceofEsm: fromCjs instanceof esm.FlinksConnectError,
        esmErrorInstanceofCjs: fromEsm instanceof cjs.FlinksConnectError,
        thrownInstanceofEsm: thrown instanceof esm.FlinksConnectError,
        guards: [esm.isFlinksConnectError(fromCjs), cjs.isFlinksConnectError(fromEsm), esm.isFlinksConnectError(thrown)],
        stillAnError: fromCjs instanceof Error,
        lookalike: [lookalike instanceof esm.FlinksConnectError, esm.isFlinksConnectError(lookalike)],
        others: [null, undefined, 'token_rejected', {}, new Error('x')].map(esm.isFlinksConnectError),
        ownKeys: Object.keys(fromEsm),
      }));
    `);
    expect(result).toEqual({
      twoClasses: true,
      cjsErrorInstanceofEsm: true,
      esmErrorInstanceofCjs: true,
      thrownInstanceofEsm: true,
      guards: [true, true, true],
      stillAnError: true,
      lookalike: [false, false],
      others: [false, false, false, false, false],
      // The brand lives on the prototype: logging or comparing an error shows no extra field.
      ownKeys: ['name', 'code', 'flinksCode'],
    });
  });

  it('keeps the ordinary instanceof for a subclass', () => {
    const result = run(`
      import { FlinksConnectError } from './dist/index.js';
      class AppError extends FlinksConnectError {}
      const plain = new FlinksConnectError('flinks_error', 'x');
      const own = new AppError('flinks_error', 'x');
      console.log(JSON.stringify([plain instanceof AppError, own instanceof AppError, own instanceof FlinksConnectError]));
    `);
    expect(result).toEqual([false, true, true]);
  });
});
