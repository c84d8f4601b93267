import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { runnerImport, type Plugin } from 'vite';

/**
 * Where the page is served, relative to the preview page (`iframe.html`); the stories' kit reads it
 * as `__CONNECT_PAGE_DIR__`, which this plugin defines.
 */
const CONNECT_PAGE_DIR = 'flinks-connect';

// Found the way any tool finds a package: through its name and its exported package.json.
const simulatorDir = path.dirname(
  createRequire(import.meta.url).resolve('@flinks-embed/simulator/package.json'),
);

/**
 * The simulator's entry in TypeScript, read from its exports map: Storybook must not depend on the
 * simulator having been built, so it takes the same `@flinks-embed/source` entry the tests use.
 */
function simulatorSourceEntry(): string {
  const manifest = JSON.parse(readFileSync(path.join(simulatorDir, 'package.json'), 'utf8')) as {
    exports: { '.': Record<string, unknown> };
  };
  const entry = manifest.exports['.']['@flinks-embed/source'];
  if (typeof entry !== 'string') {
    throw new Error(
      '@flinks-embed/simulator has no "@flinks-embed/source" export: Storybook needs its source entry.',
    );
  }
  return path.join(simulatorDir, entry);
}

async function renderConnectPage(): Promise<string> {
  // Vite's module runner loads the TypeScript source in Node, independently of the preview's build.
  const { module } = await runnerImport<{ renderStaticConnectPage: () => string }>(simulatorSourceEntry(), {
    configFile: false,
    logLevel: 'error',
    root: simulatorDir,
  });
  return module.renderStaticConnectPage();
}

/**
 * Serves the simulator's self-contained Connect page (no server, token check skipped, said on
 * screen) at `<preview>/flinks-connect/`, and writes it into `storybook build`'s output, so stories
 * embed a working Connect flow with nothing else running, from any plain static file server.
 */
export function flinksConnectPage(): Plugin {
  let html: Promise<string> | undefined;
  const page = (): Promise<string> => {
    html ??= renderConnectPage().catch((error: unknown) => {
      html = undefined; // Try again on the next request, e.g. after the simulator is fixed.
      throw error;
    });
    return html;
  };
  // Any prefix, like the stories resolve it: a preview served under a sub-path finds it too.
  const route = new RegExp(`/${CONNECT_PAGE_DIR}/(?:index\\.html)?$`);

  return {
    name: 'flinks-embed:connect-page',
    config: () => ({ define: { __CONNECT_PAGE_DIR__: JSON.stringify(CONNECT_PAGE_DIR) } }),
    configureServer(server) {
      // An edit to the simulator shows on the next load of a story, without restarting Storybook.
      const simulatorSource = path.join(simulatorDir, 'src') + path.sep;
      server.watcher.on('change', (file) => {
        if (file.startsWith(simulatorSource)) html = undefined;
      });
      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
        if (!route.test(pathname)) return next();
        page().then(
          (body) => {
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-store');
            res.end(body);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: `${CONNECT_PAGE_DIR}/index.html`, source: await page() });
    },
  };
}
