import {
  chromium,
  type Browser,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { startDemoServer, type DemoServer } from '../server/demo-server';
import { sandboxBank, sandboxHappyPath, type SandboxBank } from '@flinks-embed/simulator/playwright';

/** Generous: a two-core CI machine runs Chromium, Vite, the simulator and Vitest at once. */
export const eventually = { timeout: 20_000, interval: 100 } as const;

export function launchChromium(): Promise<Browser> {
  const { executablePath, args } = inject('chromium');
  return chromium.launch({ executablePath, args });
}

/**
 * One test file's demo (dev mode, on its own simulator) and Chromium. Pages a test pushes to
 * `pages` are closed after it, and an error on any of them fails it; `afterEachTest` runs first
 * (a file's fault reset, say).
 */
export function demoFixture(afterEachTest?: (demo: DemoServer) => void): {
  browser: Browser;
  demo: DemoServer;
  pages: DemoPage[];
} {
  const fixture = { pages: [] as DemoPage[] } as { browser: Browser; demo: DemoServer; pages: DemoPage[] };
  beforeAll(async () => {
    [fixture.browser, fixture.demo] = await Promise.all([
      launchChromium(),
      startDemoServer({ mode: 'dev', env: {}, hotReload: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([fixture.browser?.close(), fixture.demo?.close()]);
  });
  afterEach(async () => {
    afterEachTest?.(fixture.demo);
    const { pages } = fixture;
    const errors = pages.flatMap((page) => page.errors);
    await Promise.all(pages.map((page) => page.close()));
    pages.length = 0;
    expect(errors).toEqual([]);
  });
  return fixture;
}

/** The Flinks happy path, as the demo's event log must show it (consent on, the default). */
export const HAPPY_PATH = sandboxHappyPath();

/** The demo page, driven the way a person would: through its controls and the Connect iframe. */
export class DemoPage {
  readonly errors: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    page.on('pageerror', (error) => this.errors.push(error.message));
    page.on('console', (message) => {
      // A failed request is reported as a console error too; the tests that cause one check it.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        this.errors.push(message.text());
      }
    });
  }

  /**
   * Opens the demo and, unless `linkBank` is false, presses "Link your bank account" with the
   * mouse as a person would (its hover prefetches the first token).
   */
  static async open(
    browser: Browser,
    url: string,
    options: { viewport?: { width: number; height: number }; linkBank?: boolean } = {},
  ): Promise<DemoPage> {
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 1360, height: 1000 } });
    const demo = new DemoPage(context, await context.newPage());
    await demo.page.goto(url);
    if (options.linkBank !== false && url !== 'about:blank') await demo.linkBank.click(eventually);
    return demo;
  }

  /** The button that leads to Connect (shown until it is pressed or Connect is remounted). */
  get linkBank(): Locator {
    return this.page.getByRole('button', { name: 'Link your bank account' });
  }

  /** The first token's line in the token panel: how the current mount got it. */
  get firstToken(): Locator {
    return this.page.getByTestId('token-prefetch');
  }

  close(): Promise<void> {
    return this.context.close();
  }

  /** The Connect iframe element (there is at most one). */
  get iframe(): Locator {
    return this.page.locator('iframe.connect-frame');
  }

  get frame(): FrameLocator {
    return this.page.frameLocator('iframe.connect-frame');
  }

  /** The sandbox bank in the Connect frame. */
  get bank(): SandboxBank {
    return sandboxBank(this.frame);
  }

  get tokenStatus(): Locator {
    return this.page.getByTestId('token-status');
  }

  /** The `authorizeToken` in the iframe's `src`, once there is an iframe. */
  async iframeToken(): Promise<string> {
    await this.iframe.waitFor(eventually);
    const src = await this.iframe.getAttribute('src');
    const token = new URL(src ?? '', 'http://invalid').searchParams.get('authorizeToken');
    if (!token) throw new Error(`The Connect iframe has no authorizeToken: ${src}`);
    return token;
  }

  /** Waits until Connect is up with a token no earlier load had (the token panel reads "Ready"). */
  async waitForReady(): Promise<string> {
    await expect.poll(() => this.tokenStatus.getAttribute('data-phase'), eventually).toBe('ready');
    return this.iframeToken();
  }

  /** Waits for Connect to be up again with a token none of `previous` is (after a remount or a change). */
  async waitForNewToken(previous: readonly string[]): Promise<string> {
    let token = '';
    await expect
      .poll(async () => {
        if ((await this.tokenStatus.getAttribute('data-phase')) !== 'ready') return false;
        token = await this.iframeToken();
        return !previous.includes(token);
      }, eventually)
      .toBe(true);
    return token;
  }

  async tokensUsed(): Promise<number> {
    return Number(await this.page.getByTestId('tokens-used').textContent());
  }

  /** Names of the Connect events in the log, oldest first. */
  loggedSteps(): Promise<string[]> {
    return this.page
      .locator('[data-testid="event-log"] [data-source="connect"]')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.name ?? ''));
  }

  /** Every log entry's name, oldest first. */
  loggedNames(): Promise<string[]> {
    return this.page
      .locator('[data-testid="event-log"] [data-name]')
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.name ?? ''));
  }

  async waitForStep(step: string, count = 1): Promise<void> {
    await expect
      .poll(async () => (await this.loggedSteps()).filter((name) => name === step).length, eventually)
      .toBeGreaterThanOrEqual(count);
  }

  /** Consent, the test bank and the credentials: the token is spent from here on. */
  async signIn(): Promise<void> {
    await this.bank.acceptConsent();
    await this.bank.chooseInstitution();
    await this.bank.signIn();
    await this.waitForStep('COMPONENT_LOAD_MFA');
  }

  /** The security question and the account: Connect redirects. */
  async finish(): Promise<void> {
    await this.bank.answerSecurityQuestion();
    await this.bank.chooseAccount(/Chequing/);
    await this.waitForStep('REDIRECT');
  }
}
