import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

// The root vite.config.ts provides it; declared here for this package's typecheck.
declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}

/*
 * What `pnpm build-storybook` ships, proven to work without a dev server: the static site is built
 * here, served by a plain file server, and two stories are loaded in Chromium. Their Connect page is
 * the simulator's static build, emitted into the site, so nothing else runs.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** A static file server and nothing more: no SPA fallback, no rewrites, no Storybook. */
function serveDirectory(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const file = path.join(dir, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(dir + path.sep)) {
      res.writeHead(403).end();
      return;
    }
    stat(file).then(
      (info) => {
        if (!info.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
      },
      () => res.writeHead(404).end('Not found'),
    );
  });
  // Loopback: Storybook's Connect page is plain http, which the library allows only there.
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

let outputDir: string;
let server: Server;
let origin: string;
let browser: Browser;
let page: Page;
let pageErrors: string[];

beforeAll(async () => {
  outputDir = await mkdtemp(path.join(tmpdir(), 'flinks-storybook-static-'));
  const { executablePath, args } = inject('chromium');
  const [, launched] = await Promise.all([
    promisify(execFile)(
      path.join(root, 'node_modules/.bin/storybook'),
      ['build', '--config-dir', '.storybook', '--output-dir', outputDir, '--quiet', '--disable-telemetry'],
      { cwd: root, maxBuffer: 32 * 1024 * 1024 },
    ),
    chromium.launch({ executablePath, args }),
  ]);
  browser = launched;
  server = await serveDirectory(outputDir);
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  if (outputDir) await rm(outputDir, { recursive: true, force: true });
});

beforeEach(async () => {
  page = await browser.newPage();
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
});

afterEach(async () => {
  await page.close();
  expect(pageErrors).toEqual([]);
});

const openStory = (id: string) => page.goto(`${origin}/iframe.html?id=${id}&viewMode=story`);

describe('the static Storybook', () => {
  it('lists the stories and the docs pages', async () => {
    const response = await fetch(`${origin}/index.json`);
    const { entries } = (await response.json()) as { entries: Record<string, { type: string }> };
    expect(Object.keys(entries)).toEqual(
      expect.arrayContaining([
        'components-flinksconnect--default',
        'components-flinksconnect--token-fails-for-good',
        'components-flinksconnect--docs',
        'components-useauthorizetoken--docs',
        'docs-events-reference--docs',
      ]),
    );
    const connectPage = await fetch(`${origin}/flinks-connect/`);
    expect(connectPage.status).toBe(200);
    expect(await connectPage.text()).toContain('Flinks Connect (simulator)');
  });

  it('Default: loads Connect from the site itself, and its events reach the log', async () => {
    await openStory('components-flinksconnect--default');
    const frame = page.locator('iframe[title="Connect your bank account"]');
    await expect
      .poll(() => frame.getAttribute('src'), { timeout: 15_000 })
      .toMatch(new RegExp(`^${origin}/flinks-connect/\\?.*authorizeToken=[0-9a-f-]{36}`));
    const connect = page.frameLocator('iframe[title="Connect your bank account"]');
    await connect.getByRole('heading', { name: 'Connect your bank account' }).waitFor({ timeout: 15_000 });
    const log = page.getByRole('log', { name: /event log/i });
    await log.locator('li[data-name="COMPONENT_LOAD_CONSENT"]').waitFor();

    // A designer's click inside Connect reaches the component's onEvent, and the visible log.
    await connect.getByRole('button', { name: 'Continue' }).click();
    await connect.getByRole('heading', { name: 'Select your institution' }).waitFor();
    await log.locator('li[data-name="COMPONENT_LOAD_INSTITUTION_SELECTOR"]').waitFor();
    expect(
      await log.locator('li').evaluateAll((items) => items.map((item) => item.getAttribute('data-name'))),
    ).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CONSENT',
      'COMPONENT_ACCEPT_CONSENT',
      'COMPONENT_LOAD_INSTITUTION_SELECTOR',
    ]);
  });

  it('Token fails for good: the error fallback, then its retry (run by the play function) recovers', async () => {
    await openStory('components-flinksconnect--token-fails-for-good');
    // The play function clicks "Try again" once the three tries have failed; the end state proves both.
    const requests = page.getByRole('list', { name: 'Token endpoint requests' }).locator('li');
    await expect
      .poll(() => requests.evaluateAll((items) => items.map((item) => item.textContent)), { timeout: 20_000 })
      .toEqual([
        expect.stringContaining('mount: failed'),
        expect.stringContaining('mount: failed'),
        expect.stringContaining('mount: failed'),
        expect.stringContaining('retry: minted'),
      ]);
    const connect = page.frameLocator('iframe[title="Connect your bank account"]');
    await connect.getByRole('heading', { name: 'Connect your bank account' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(
      await page
        .getByRole('log', { name: /event log/i })
        .locator('li')
        .evaluateAll((items) => items.map((item) => item.getAttribute('data-name'))),
    ).toEqual(['token_fetch_failed', 'APP_MOUNTED', 'COMPONENT_LOAD_CONSENT']);
  });
});
