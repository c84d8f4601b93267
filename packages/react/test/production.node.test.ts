// What the built files do in each world. An app's production bundle drops the development-only
// prose and option checks but keeps every security check; Node and unbundled browsers, which do
// not set NODE_ENV to production, get the messages that name the fix.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as CoreModule from '@flinks-embed/core';
import { measure, measureFlinksConnect } from '../bench/measure-size.mjs';

type Core = typeof CoreModule;

const BASE = 'https://toolbox-iframe.private.fin.ag/v2/';
const ORIGIN = 'https://toolbox-iframe.private.fin.ag';
const SECRET = 'tok-3f1c9a77-SECRET';
const ERRORS_PAGE = 'https://github.com/flinks-embed/flinks-embed/blob/main/docs/errors.md';
/** A production message: the code, and where docs/errors.md explains it. */
const productionMessage = (code: string) => `${code}: see ${ERRORS_PAGE}#${code}`;

/** Core's built files, bundled as an app's production build bundles them, then loaded. */
async function productionCore(): Promise<Core> {
  const { code } = await measure(`export * from '@flinks-embed/core';`);
  const file = join(mkdtempSync(join(tmpdir(), 'flinks-embed-production-')), 'core.mjs');
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

/** The error `run` throws. */
function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('a production bundle', () => {
  let core: Core;
  beforeAll(async () => {
    core = await productionCore();
  });

  it('leaves the development-only messages out of a component import', async () => {
    const { code } = await measureFlinksConnect();
    for (const text of [
      'must use https',
      'not an absolute URL',
      'Invalid Flinks instance name',
      'Do not pass authorizeToken',
      'fetchAuthorizeToken must be a function',
      'refreshMarginMs must be',
      'not a token',
      'did not report APP_MOUNTED',
      'exactly one of instance',
      'is not a Connect parameter this library knows',
      'Did you mean',
      'which Flinks does not document',
      'FLINKS_SECRET_KEY',
      'not JSON',
      'logged in development only',
    ]) {
      expect(code).not.toContain(text);
    }
    // The checks themselves are still there.
    expect(code).toContain('"https:"');
    expect(code).toContain('"[::1]"');
  });

  it.each([
    'http://toolbox-iframe.private.fin.ag/v2/',
    'http://localhost.evil.com/v2/',
    'javascript:alert(1)',
    '/v2/',
    `${BASE}?authorizeToken=stolen`,
  ])('still refuses the Connect URL %j, with the code and its docs page as the message', (base) => {
    expect(thrown(() => core.buildConnectUrl(base, {}, 't'))).toMatchObject({
      name: 'FlinksConnectError',
      code: 'invalid_options',
      message: productionMessage('invalid_options'),
    });
  });

  it('still allows http: on loopback only, and refuses authorizeToken in params and bad instance names', () => {
    expect(core.buildConnectUrl('http://127.0.0.1:8787/v2/', {}, 't')).toBe(
      'http://127.0.0.1:8787/v2/?authorizeToken=t',
    );
    const params = { authorizeToken: 'old' } as never;
    expect(thrown(() => core.buildConnectUrl(BASE, params, 't'))).toMatchObject({ code: 'invalid_options' });
    expect(thrown(() => core.connectUrlForInstance('evil.com/x'))).toMatchObject({
      code: 'invalid_options',
    });
    expect(core.connectUrlForInstance('toolbox')).toBe(BASE);
  });

  it('still accepts messages only from the iframe origin and window', () => {
    const frame = {} as Window;
    const from = { origin: ORIGIN, source: frame };
    const data = { step: 'REDIRECT', loginId: 'forged' };
    expect(
      core.classifyConnectMessage({ origin: 'https://evil.example', source: frame, data }, from),
    ).toEqual({
      kind: 'foreign',
    });
    expect(core.classifyConnectMessage({ origin: ORIGIN, source: {} as Window, data }, from)).toMatchObject({
      kind: 'event',
      sender: 'other',
    });
    expect(core.parseConnectMessage({ origin: ORIGIN, source: {} as Window, data }, from)).toBeNull();
    expect(core.parseConnectMessage({ origin: ORIGIN, source: null, data }, from)).toBeNull();
    expect(core.parseConnectMessage({ origin: ORIGIN, source: frame, data }, from)).toMatchObject({
      step: 'REDIRECT',
    });
  });

  it.each([
    ['a misnamed field', { Token: SECRET }],
    ['an expiry in the past', { token: SECRET, expiresAt: 5 }],
    ['an unreadable expiry', { token: SECRET, expiresAt: 'soon' }],
    ['a negative expiresIn', { token: SECRET, expiresIn: -5 }],
  ])(
    'still rejects a token response with %s as invalid_token_response, never showing it',
    async (_, answer) => {
      const source = core.createAuthorizeTokenSource(async () => answer as never, { retry: false });
      source.start();
      await new Promise((resolve) => setTimeout(resolve, 20));
      const { status, error } = source.getState();
      source.dispose();
      expect(status).toBe('error');
      expect(error).toMatchObject({
        code: 'invalid_token_response',
        message: productionMessage('invalid_token_response'),
      });
      expect(error!.message).not.toContain(SECRET);
    },
  );
});

describe('the built files outside a production bundle (Node, unbundled browsers)', () => {
  it('explain what went wrong and name the fix', async () => {
    const dist: Core = await import(
      new URL('../node_modules/@flinks-embed/core/dist/index.js', import.meta.url).href
    );
    expect(thrown(() => dist.buildConnectUrl('http://example.com/v2/', {}, 't')).message).toMatch(
      /connectUrl must use https: .* http: is allowed only for localhost/,
    );
    expect(thrown(() => dist.createAuthorizeTokenSource(() => 't', { refreshMarginMs: -1 })).message).toMatch(
      /refreshMarginMs must be at least 0/,
    );
  });
});
