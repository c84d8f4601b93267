// The peer range says React 18.0 works too. This installs the packed packages with React 18 and
// React DOM 18 in a fresh project, and drives them from plain Node: server rendering, and a
// client render in jsdom through the whole token-and-message round trip. Twice: with the exact
// floor of the range (18.0.0) and with the last 18 (18.3.1).
// React 18.0.0 calls itself "18.0.0-fc46dba67-20220329" in React.version, so versions are read
// from each package.json.
import { execFileSync } from 'node:child_process';
import { cpSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { consumerProject, installPacked } from '@flinks-embed/test-support/packed';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
// Resolved from this package, which declares React 18 and React DOM 18 under aliases.
const packageRequire = createRequire(join(root, 'packages/react/package.json'));

// [version, the root devDependency aliases that hold that React and React DOM]
describe.each([
  ['18.0.0', 'react-18.0', 'react-dom-18.0'],
  ['18.3.1', 'react-18', 'react-dom-18'],
])('@flinks-embed/react with React %s', (reactVersion, reactAlias, reactDomAlias) => {
  let project: string;

  /** Copies a package (not a link: React DOM must find *this* project's React, not the workspace's). */
  function install(name: string, from: string): void {
    cpSync(realpathSync(from), join(project, 'node_modules', name), { recursive: true, dereference: true });
  }

  const node = (script: string): string =>
    execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });

  beforeAll(() => {
    project = consumerProject('flinks-react18-consumer-');
    installPacked(project, '@flinks-embed/core', import.meta.url);
    installPacked(project, '@flinks-embed/react', import.meta.url);
    const reactDom18 = dirname(packageRequire.resolve(`${reactDomAlias}/package.json`));
    install('react', dirname(packageRequire.resolve(`${reactAlias}/package.json`)));
    install('react-dom', reactDom18);
    install(
      'scheduler',
      dirname(createRequire(join(realpathSync(reactDom18), 'index.js')).resolve('scheduler/package.json')),
    );
  }, 60_000);

  it('server-renders the loading state', () => {
    const out = node(`
      const React = require('react');
      const { renderToString } = require('react-dom/server');
      const { FlinksConnect } = require('@flinks-embed/react');
      const html = renderToString(React.createElement(FlinksConnect, { instance: 'toolbox', fetchAuthorizeToken: () => 't' }));
      console.log(JSON.stringify({ version: require('react/package.json').version, html }));
    `);
    const { version, html } = JSON.parse(out) as { version: string; html: string };
    expect(version).toBe(reactVersion);
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<link');
    expect(html).not.toContain('<iframe');
  }, 60_000); // a Node process of its own: seconds on a busy machine

  it('loads the iframe with the token, accepts its events, reloads through the ref and cleans up', () => {
    const jsdom = packageRequire.resolve('jsdom');
    const out = node(`
      const { JSDOM } = require(${JSON.stringify(jsdom)});
      const dom = new JSDOM('<!doctype html><div id="root"></div>', { url: 'https://app.example/' });
      Object.assign(globalThis, { window: dom.window, document: dom.window.document, navigator: dom.window.navigator });
      const errors = [];
      console.error = (...args) => errors.push(args.map(String).join(' '));
      const React = require('react');
      const { createRoot } = require('react-dom/client');
      const { FlinksConnect } = require('@flinks-embed/react');
      // Waits for a condition, not a fixed time: a busy CI machine takes what it takes.
      const until = async (read) => {
        for (const start = Date.now(); Date.now() - start < 20000; ) {
          const value = read();
          if (value) return value;
          await new Promise((done) => setTimeout(done, 10));
        }
        throw new Error('timed out waiting');
      };
      const tokenOf = (frame) => frame && new URL(frame.src).searchParams.get('authorizeToken');
      (async () => {
        let issued = 0;
        const redirects = [];
        const ref = React.createRef();
        const root = createRoot(document.getElementById('root'));
        root.render(React.createElement(FlinksConnect, {
          ref,
          instance: 'toolbox',
          fetchAuthorizeToken: async () => 'react18-token-' + ++issued,
          onRedirect: (details) => redirects.push(details.loginId),
        }));
        const first = await until(() => document.querySelector('iframe'));
        const post = (data, source) => window.dispatchEvent(new window.MessageEvent('message', {
          data, origin: 'https://toolbox-iframe.private.fin.ag', source,
        }));
        post({ step: 'REDIRECT', loginId: 'from-elsewhere' }, window);
        post({ step: 'REDIRECT', url: 'https://app.example/done?loginId=L-18&institution=FlinksCapital' }, first.contentWindow);
        ref.current.reload();
        const second = await until(() => {
          const frame = document.querySelector('iframe');
          return frame && tokenOf(frame) !== tokenOf(first) && frame;
        });
        root.unmount();
        console.log(JSON.stringify({
          version: require('react/package.json').version + ' / ' + require('react-dom/package.json').version,
          first: tokenOf(first),
          second: tokenOf(second),
          title: first.title,
          redirects,
          left: document.querySelectorAll('iframe').length,
          errors,
        }));
      })();
    `);
    expect(JSON.parse(out)).toEqual({
      version: `${reactVersion} / ${reactVersion}`,
      first: 'react18-token-1',
      second: 'react18-token-2',
      title: 'Connect your bank account',
      redirects: ['L-18'],
      left: 0,
      errors: [],
    });
  }, 60_000);
});
