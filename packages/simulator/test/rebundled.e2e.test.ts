import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type * as Simulator from '../src/index';
import { sandboxBank } from '../src/playwright';
import { sandboxHappyPath } from '../src/sandbox';
import { openConnect, sequence, serveHostApp, serveHtml } from './host-page';
import type { StaticServer } from './host-page';
import { NO_MFA, mintToken } from './support';

// What an app gets when it bundles the published simulator into its own dev server or test
// harness with esbuild `keepNames` (`--keep-names`): esbuild then wraps every named function in a
// `__name(...)` helper call defined at the top of the bundle. A page program made with
// `Function#toString` carried those calls into the browser without the helper and threw
// `ReferenceError: __name is not defined` before it posted anything. The built script is immune.
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const distEntry = join(packageDir, 'dist', 'index.js');

let project: string;
let rebundled: typeof Simulator;
let bundleText: string;
let browser: Browser;
let sim: Simulator.FlinksSimulator;
let host: StaticServer;
let context: BrowserContext;
let page: Page;
let frameErrors: string[];

beforeAll(async () => {
  if (!existsSync(distEntry)) {
    throw new Error(
      'dist/ is missing: run `pnpm --filter @flinks-embed/simulator build` before these tests.',
    );
  }
  // A consumer project: the simulator installed in its node_modules, its build in build/.
  project = await mkdtemp(join(tmpdir(), 'flinks-simulator-rebundled-'));
  await mkdir(join(project, 'node_modules', '@flinks-embed'), { recursive: true });
  await symlink(packageDir, join(project, 'node_modules', '@flinks-embed', 'simulator'), 'dir');
  const outfile = join(project, 'build', 'server.mjs');
  await build({
    stdin: {
      contents: "export * from '@flinks-embed/simulator';",
      resolveDir: project,
      loader: 'js',
    },
    bundle: true,
    keepNames: true,
    platform: 'node',
    format: 'esm',
    outfile,
    logLevel: 'error',
  });
  bundleText = readFileSync(outfile, 'utf8');
  rebundled = (await import(/* @vite-ignore */ pathToFileURL(outfile).href)) as typeof Simulator;

  const { executablePath, args } = inject('chromium');
  [browser, sim, host] = await Promise.all([
    chromium.launch({ executablePath, args }),
    rebundled.startFlinksSimulator({ port: 0 }),
    serveHostApp(),
  ]);
});

afterAll(async () => {
  await Promise.all([browser?.close(), sim?.close(), host?.close()]);
  if (project !== undefined) await rm(project, { recursive: true, force: true });
});

beforeEach(async () => {
  context = await browser.newContext();
  page = await context.newPage();
  frameErrors = [];
  // The frame's uncaught errors show in its console; `pageerror` reports the top page's only.
  page.on('console', (message) => {
    // Every error, with where it came from (the host pages ask for no favicon: see host-page.ts).
    if (message.type() === 'error') frameErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => frameErrors.push(error.message));
  await page.goto(host.origin);
});

afterEach(async () => {
  await context.close();
});

const frame = (): FrameLocator => page.frameLocator('#connect');
const eventually = { timeout: 10_000 };

async function logInWithoutMfa(): Promise<void> {
  await expect.poll(() => sequence(page), eventually).toContain('COMPONENT_LOAD_INSTITUTION_SELECTOR');
  await sandboxBank(frame(), { typing: 'keys' }).linkAccount({
    consent: false,
    username: NO_MFA.Username,
    password: NO_MFA.Password,
  });
  await expect.poll(() => sequence(page), eventually).toContain('REDIRECT');
}

describe('the simulator re-bundled with esbuild keepNames', () => {
  it('really is wrapped in __name helpers', () => {
    expect(bundleText).toMatch(/var __name = /);
    expect(bundleText).toContain('__name(startFlinksSimulator, "startFlinksSimulator")');
  });

  it('serves a Connect page that mounts and completes a login', async () => {
    const url = new URL(sim.connectUrl);
    url.searchParams.set('authorizeToken', await mintToken(sim));
    url.searchParams.set('demo', 'true');
    await openConnect(page, url.href);

    await logInWithoutMfa();
    expect(await sequence(page)).toEqual(sandboxHappyPath({ consent: false, mfa: false }));
    expect(frameErrors).toEqual([]);
  });

  it('renders a static Connect page whose in-browser sandbox bank logs in', async () => {
    const staticSite = await serveHtml({ '/flinks-connect/': rebundled.renderStaticConnectPage() });
    try {
      await openConnect(page, `${staticSite.origin}/flinks-connect/?demo=true`);
      await logInWithoutMfa();
      expect((await sequence(page))[0]).toBe('APP_MOUNTED');
      expect(frameErrors).toEqual([]);
    } finally {
      await staticSite.close();
    }
  });
});
