// A plain host app for the browser tests: HTML pages with `<script type="module">`, the built
// element (an import map names it, as a page without a bundler does), and the
// token endpoint of @flinks-embed/test-support's host app in front of the simulator.
import { fileURLToPath } from 'node:url';
import type { FlinksSimulator } from '@flinks-embed/simulator';
import { startHostApp as startServer, type HostApp } from '@flinks-embed/test-support/host-app';

export type { HostApp };

// The one-file browser build bundles core: the element's own dist is all a page loads.
const SCRIPTS = { '/element/': fileURLToPath(new URL('../dist/', import.meta.url)) };

const IMPORT_MAP = JSON.stringify({
  imports: {
    // The one-file browser build: no bundler, so no `process` and no bare module names to resolve.
    '@flinks-embed/element': '/element/flinks-connect.browser.js',
    '@flinks-embed/element/define': '/element/flinks-connect.browser.js',
  },
});

/**
 * Before any module: records what the library leaves behind on `window` and `document` (its
 * listeners) and its pending timers, and every message the page receives.
 */
const TRACKER = `<script>
  window.messagesReceived = 0;
  window.addEventListener('message', () => window.messagesReceived++);
  window.live = { listeners: [], timers: new Set() };
  for (const [name, target] of [['window', window], ['document', document]]) {
    const add = target.addEventListener.bind(target);
    const remove = target.removeEventListener.bind(target);
    target.addEventListener = (type, listener, options) => {
      live.listeners.push({ on: name, type, listener });
      add(type, listener, options);
    };
    target.removeEventListener = (type, listener, options) => {
      const index = live.listeners.findIndex((l) => l.on === name && l.type === type && l.listener === listener);
      if (index >= 0) live.listeners.splice(index, 1);
      remove(type, listener, options);
    };
  }
  const set = window.setTimeout.bind(window);
  const clear = window.clearTimeout.bind(window);
  window.setTimeout = (callback, ms, ...args) => {
    const id = set(() => {
      live.timers.delete(id);
      callback(...args);
    }, ms);
    live.timers.add(id);
    return id;
  };
  window.clearTimeout = (id) => {
    live.timers.delete(id);
    clear(id);
  };
</script>`;

const FETCHER = `async ({ signal }) => {
    record.tokenRequests++;
    try {
      const response = await fetch('/api/token', { method: 'POST', signal });
      if (!response.ok) throw new Error('token endpoint answered ' + response.status);
      return await response.json();
    } catch (error) {
      if (signal.aborted) record.aborted++;
      throw error;
    }
  }`;

const page = (body: string, app: string): string => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Plain HTML host</title>
<script type="importmap">${IMPORT_MAP}</script>
${TRACKER}
</head>
<body>
<h1>Link your bank account</h1>
${body}
<script type="module">
  // (Import declarations are hoisted: this line still runs first of the module's own code.)
  window.record = { log: [], tokenRequests: 0, aborted: 0 };
  ${app}
</script>
</body>
</html>`;

/**
 * A page around one `<flinks-connect>` with these attributes (and `inner`, as a server template
 * renders it). The fetcher asks this origin's
 * endpoint; every callback, DOM event and aborted token request is written to `window.record`.
 */
export const hostPage = (attributes: string, inner = ''): string =>
  page(
    `<flinks-connect ${attributes}>${inner}</flinks-connect>`,
    `import '@flinks-embed/element/define';
  const element = document.querySelector('flinks-connect');
  element.fetchAuthorizeToken = ${FETCHER};
  element.onRedirect = (details) => record.log.push({ via: 'onRedirect', detail: details });
  element.onError = (error) => record.log.push({ via: 'onError', detail: error.code });
  element.addEventListener('flinks-event', (event) => record.log.push({ via: event.type, detail: event.detail }));
  element.addEventListener('flinks-redirect', (event) => record.log.push({ via: event.type, detail: event.detail }));
  element.addEventListener('flinks-error', (event) => record.log.push({ via: event.type, detail: event.detail.code }));
  element.addEventListener('flinks-popup-blocked', (event) => record.log.push({ via: event.type, detail: event.detail }));`,
  );

/** A page that calls `mountFlinksConnect` on a `<div id="bank">` and keeps the handle as `window.mounted`. */
export const mountPage = (connectUrl: string): string =>
  page(
    '<div id="bank"></div>',
    `import { mountFlinksConnect } from '@flinks-embed/element';
  window.mounted = mountFlinksConnect(document.getElementById('bank'), {
    connectUrl: ${JSON.stringify(connectUrl)},
    params: { demo: true, consentEnable: false },
    retry: false,
    fetchAuthorizeToken: ${FETCHER},
    onEvent: (event) => record.log.push({ via: 'onEvent', detail: event }),
    onError: (error) => record.log.push({ via: 'onError', detail: error.code }),
  });`,
  );

export const startHostApp = (sim: FlinksSimulator): Promise<HostApp> =>
  startServer({ flinks: sim, scripts: SCRIPTS });
