import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type FrameLocator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { sandboxBank } from '@flinks-embed/simulator/playwright';

/** Generous: a two-core CI machine runs Chromium, Next.js, the simulator and Vitest at once. */
export const eventually = { timeout: 20_000, interval: 100 } as const;

export function launchChromium(): Browser | Promise<Browser> {
  const { executablePath, args } = inject('chromium');
  return chromium.launch({ executablePath, args });
}

export const TOKEN_ROUTE = '/api/flinks/authorize-token';

/** A page of the Next.js app, with everything a user or a developer would notice recorded. */
export class AppPage {
  /** Uncaught errors, console errors and warnings (hydration mismatches are among them). */
  readonly problems: string[] = [];
  /** Requests to the token route, in order. */
  readonly tokenRequests: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      const type = message.type();
      // A failed request is reported as a console error too; the tests that cause one expect it.
      if ((type === 'error' || type === 'warning') && !message.text().startsWith('Failed to load resource')) {
        this.problems.push(`${type}: ${message.text()}`);
      }
    });
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === TOKEN_ROUTE) this.tokenRequests.push(request.method());
    });
  }

  static async open(
    browser: Browser,
    url: string,
    options: { recordReactRoots?: boolean; before?: ((page: Page) => Promise<void>) | undefined } = {},
  ): Promise<AppPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 1000 } });
    const app = new AppPage(context, await context.newPage());
    if (options.recordReactRoots) await app.page.addInitScript(recordReactRoots);
    // A test's own setup of the page (routes, a clock, scripts), before it loads.
    await options.before?.(app.page);
    // Every Connect message the page receives, as sent: an independent record of what the
    // iframe said, to compare with what the app shows.
    await app.page.addInitScript(() => {
      const seen: unknown[] = [];
      (window as unknown as { connectMessages: unknown[] }).connectMessages = seen;
      window.addEventListener('message', (event) => seen.push(event.data));
    });
    await app.page.goto(url);
    return app;
  }

  close(): Promise<void> {
    return this.context.close();
  }

  get frame(): FrameLocator {
    return this.page.frameLocator('iframe[title="Connect your bank account"]');
  }

  /** The `authorizeToken` in the Connect iframe's `src`, once Connect has loaded in it. */
  async connectToken(): Promise<string> {
    await this.frame.getByRole('button', { name: 'Continue' }).waitFor(eventually);
    const src = await this.page.locator('iframe[title="Connect your bank account"]').getAttribute('src');
    const token = new URL(src ?? '', 'http://invalid').searchParams.get('authorizeToken');
    if (!token) throw new Error(`The Connect iframe has no authorizeToken: ${src}`);
    return token;
  }

  /** The `REDIRECT` messages the page received from Connect. */
  redirectMessages(): Promise<{ step: 'REDIRECT'; loginId?: string; institution?: string }[]> {
    return this.page.evaluate(() =>
      (window as unknown as { connectMessages: unknown[] }).connectMessages.filter(
        (data): data is { step: 'REDIRECT' } =>
          typeof data === 'object' && data !== null && (data as { step?: unknown }).step === 'REDIRECT',
      ),
    );
  }

  /** Consent, the test bank, the credentials, the security question and the account. */
  async completeFlow(): Promise<void> {
    await sandboxBank(this.frame).linkAccount({ account: /Chequing/ });
  }
}

export async function expectText(
  locator: ReturnType<Page['getByTestId']>,
  text: string | RegExp,
): Promise<void> {
  await expect.poll(() => locator.textContent(), eventually).toMatch(text);
}

/**
 * A stand-in for the React DevTools hook, installed before React loads: React hands it every
 * committed root, which lets a test see how a component was mounted.
 */
function recordReactRoots(): void {
  const roots = new Set<unknown>();
  Object.assign(window, {
    reactRoots: roots,
    __REACT_DEVTOOLS_GLOBAL_HOOK__: {
      renderers: new Map(),
      supportsFiber: true,
      inject(renderer: unknown) {
        this.renderers.set(this.renderers.size + 1, renderer);
        return this.renderers.size;
      },
      onCommitFiberRoot(_id: number, root: unknown) {
        roots.add(root);
      },
      onCommitFiberUnmount() {},
      onPostCommitFiberRoot() {},
    },
  });
}

/**
 * For every mounted `<FlinksConnect>` (needs `recordReactRoots`), whether React runs it in
 * StrictMode (mounting it, unmounting it and mounting it again in development).
 */
export function flinksConnectStrictModes(page: Page): Promise<boolean[]> {
  return page.evaluate(() => {
    type Fiber = {
      type?: { render?: { name?: string } };
      mode: number;
      child: Fiber | null;
      sibling: Fiber | null;
    };
    const STRICT_LEGACY_MODE = 8; // React's fiber mode bit for <StrictMode>
    const found: boolean[] = [];
    const visit = (fiber: Fiber | null): void => {
      for (let node = fiber; node; node = node.sibling) {
        if (node.type?.render?.name === 'FlinksConnect') found.push((node.mode & STRICT_LEGACY_MODE) !== 0);
        visit(node.child);
      }
    };
    for (const root of (window as unknown as { reactRoots: Set<{ current: Fiber }> }).reactRoots)
      visit(root.current);
    return found;
  });
}

/** The environment without any FLINKS_* variable, as on a build machine that has no secrets. */
export function withoutFlinks(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) if (name.startsWith('FLINKS_')) delete env[name];
  return Object.assign(env, extra);
}

/** Every file under `dir`, with its text. */
export async function filesUnder(dir: string): Promise<{ name: string; text: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return Promise.all(
    entries
      .filter((entry) => entry.isFile())
      .map(async (entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return { name: path.relative(dir, file), text: await readFile(file, 'utf8') };
      }),
  );
}
