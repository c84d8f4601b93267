import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { consumerProject, installPacked } from '@flinks-embed/test-support/packed';

// The root vite.config.ts provides it; declared here for this package's typecheck.
declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}

/*
 * Development checks and messages where developers work, and none of their text where users are:
 * a small app, installed from the packed tarballs, built by Vite and by webpack 5 in development
 * and in production mode, then run in Chromium (whose page has no `process` object, the case the
 * old `typeof process` test got wrong). The app makes three programming errors and records what
 * the library said.
 */

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// Resolved from this package, which declares React 18 and React DOM 18 under aliases.
const packageRequire = createRequire(join(root, 'packages/react/package.json'));
const BUNDLE_APP = fileURLToPath(new URL('bundle-app.mjs', import.meta.url));

const APP = `
import { buildConnectUrl, createAuthorizeTokenSource } from '@flinks-embed/core';
import { FlinksConnect, isFlinksConnectError } from '@flinks-embed/react';
import { Component, createElement } from 'react';
import { createRoot } from 'react-dom/client';

const outcome = { hasProcess: typeof process !== 'undefined' };
const attempt = (name, run) => {
  try {
    run();
    outcome[name] = 'accepted';
  } catch (error) {
    outcome[name] = isFlinksConnectError(error) ? error.message : 'not a FlinksConnectError: ' + error;
  }
};
attempt('fetchTimeoutMs', () => createAuthorizeTokenSource(() => 'token', { fetchTimeoutMs: -1 }).dispose());
attempt('objectParam', () => buildConnectUrl('https://toolbox-iframe.private.fin.ag/v2/', { theme: {} }, 'token'));

class Boundary extends Component {
  constructor(props) {
    super(props);
    this.state = { failed: false };
  }
  static getDerivedStateFromError() {
    return { failed: true };
  }
  componentDidCatch(error) {
    outcome.component = error.message;
    window.outcome = outcome;
  }
  render() {
    return this.state.failed ? null : this.props.children;
  }
}
// Neither instance nor connectUrl: <FlinksConnect> throws while rendering, in every mode.
const element = document.createElement('div');
document.body.append(element);
createRoot(element).render(
  createElement(Boundary, null, createElement(FlinksConnect, { fetchAuthorizeToken: () => 'token' })),
);
`;

const ERRORS_PAGE = 'https://github.com/flinks-embed/flinks-embed/blob/main/docs/errors.md';
// Development prose, as the core and react sources write it (literal text, not template parts).
const DEV_TEXT = [
  'a positive number of milliseconds',
  ' must be a string, number or boolean.',
  'needs exactly one of instance',
  'did not report APP_MOUNTED',
];

const development = {
  hasProcess: false,
  fetchTimeoutMs: 'fetchTimeoutMs must be a positive number of milliseconds (got -1).',
  objectParam: 'params.theme must be a string, number or boolean.',
  component:
    '<FlinksConnect> needs exactly one of instance (such as "toolbox") and connectUrl; it got neither.',
};
const production = {
  hasProcess: false,
  // Production trusts the types for these two, as documented.
  fetchTimeoutMs: 'accepted',
  objectParam: 'accepted',
  component: `invalid_options: see ${ERRORS_PAGE}#invalid_options`,
};

let project: string;
let browser: Browser;

/** Copies a package (not a link: what the app bundles must resolve inside the app). */
function install(name: string, from: string): void {
  cpSync(realpathSync(from), join(project, 'node_modules', name), { recursive: true, dereference: true });
}

/** Loads `url` in a fresh page (files from `files` when given) and returns what the app recorded. */
async function outcomeOf(url: string, files?: Record<string, string>): Promise<unknown> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  if (files) {
    await page.route('http://app.test/**', (route) => {
      const path = new URL(route.request().url()).pathname;
      const body = files[path];
      return body === undefined
        ? route.fulfill({ status: 404 })
        : route.fulfill({ body, contentType: path.endsWith('.html') ? 'text/html' : 'text/javascript' });
    });
  }
  try {
    await page.goto(url);
    await page.waitForFunction(() => 'outcome' in window, undefined, { timeout: 20_000 });
    expect(errors).toEqual([]);
    return await page.evaluate(() => (window as unknown as { outcome: unknown }).outcome);
  } finally {
    await page.close();
  }
}

/** Every file of a build output, by URL path, and their text joined (to search for prose). */
function readOutput(dir: string): { files: Record<string, string>; text: string } {
  const files: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const path = `${sub}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else files[path] = readFileSync(join(dir, path), 'utf8');
    }
  };
  walk('');
  return { files, text: Object.values(files).join('\n') };
}

beforeAll(async () => {
  project = consumerProject('flinks-bundlers-consumer-');
  installPacked(project, '@flinks-embed/core', import.meta.url);
  installPacked(project, '@flinks-embed/react', import.meta.url);
  const reactDom = dirname(packageRequire.resolve('react-dom/package.json'));
  install('react', dirname(packageRequire.resolve('react/package.json')));
  install('react-dom', reactDom);
  install(
    'scheduler',
    dirname(createRequire(join(realpathSync(reactDom), 'index.js')).resolve('scheduler/package.json')),
  );
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/main.js'), APP);
  writeFileSync(
    join(project, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>app</title></head><body><script type="module" src="/src/main.js"></script></body></html>',
  );
  const { executablePath, args } = inject('chromium');
  browser = await chromium.launch({ executablePath, args });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** Runs bundle-app.mjs with a developer's environment: no NODE_ENV, nothing from the test runner. */
const bundleApp = (...args: string[]) =>
  promisify(execFile)(process.execPath, [BUNDLE_APP, ...args], {
    cwd: root,
    env: { PATH: process.env.PATH },
  });

describe('Vite', () => {
  it('dev server: development checks on, with their messages', async () => {
    const server = spawn(process.execPath, [BUNDLE_APP, 'vite-dev', project], {
      cwd: root,
      env: { PATH: process.env.PATH },
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const exited = new Promise((done) => server.once('exit', done));
    try {
      const [line] = (await once(createInterface({ input: server.stdout! }), 'line')) as [string];
      expect(await outcomeOf(line)).toEqual(development);
    } finally {
      server.stdin!.end();
      await exited;
    }
  }, 60_000);

  it('production build: checks off, their text absent, the message names docs/errors.md', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'flinks-vite-build-'));
    await bundleApp('vite-build', project, outDir);
    const { files, text } = readOutput(outDir);
    for (const prose of DEV_TEXT) expect(text).not.toContain(prose);
    expect(text).toContain('docs/errors.md');
    expect(await outcomeOf('http://app.test/index.html', files)).toEqual(production);
  }, 60_000);
});

describe('webpack 5', () => {
  const page = {
    '/index.html':
      '<!doctype html><html lang="en"><head><title>app</title></head><body><script src="/react.js"></script><script src="/main.js"></script></body></html>',
  };

  it('development build: development checks on, with their messages', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'flinks-webpack-development-'));
    await bundleApp('webpack-development', project, outDir);
    const { files } = readOutput(outDir);
    for (const prose of DEV_TEXT) expect(files['/main.js']).toContain(prose);
    expect(await outcomeOf('http://app.test/index.html', { ...files, ...page })).toEqual(development);
  }, 60_000);

  it('production build: checks off, their text absent, the message names docs/errors.md', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'flinks-webpack-production-'));
    await bundleApp('webpack-production', project, outDir);
    const { files } = readOutput(outDir);
    for (const prose of DEV_TEXT) expect(files['/main.js']).not.toContain(prose);
    expect(files['/main.js']).toContain('docs/errors.md');
    expect(await outcomeOf('http://app.test/index.html', { ...files, ...page })).toEqual(production);
  }, 60_000);
});
