// `@flinks-embed/simulator/playwright`: the simulator for a browser test, and a driver for its
// sandbox bank in the Connect frame. Playwright is an optional peer: this module never imports it,
// it takes the `page` or frame your test already has (from @playwright/test or playwright-core).
import { startFlinksSimulator, type FlinksSimulator, type SimulatorOptions } from './start-simulator';
import {
  SANDBOX_BANK_LABELS,
  SANDBOX_BANK_LOGIN,
  type SandboxBankLabels,
  type SandboxBankLanguage,
} from './playwright-steps';

export { startFlinksSimulator } from './start-simulator';
export type { FlinksSimulator, SimulatorOptions } from './start-simulator';
export {
  SANDBOX_BANK_LABELS,
  SANDBOX_BANK_LOGIN,
  SANDBOX_HAPPY_PATH,
  sandboxHappyPath,
} from './playwright-steps';
export type { SandboxBankLabels, SandboxBankLanguage, SandboxBankScreen } from './playwright-steps';

/** What the driver uses of a Playwright `Locator` (structural: any Playwright version fits). */
export interface LocatorLike {
  click(options?: { timeout?: number }): Promise<void>;
  fill(value: string, options?: { timeout?: number }): Promise<void>;
  pressSequentially(text: string, options?: { timeout?: number }): Promise<void>;
  check(options?: { timeout?: number }): Promise<void>;
  waitFor(options?: {
    state?: 'attached' | 'detached' | 'visible' | 'hidden';
    timeout?: number;
  }): Promise<void>;
  first(): LocatorLike;
  nth(index: number): LocatorLike;
}

/** What the driver uses of a Playwright `FrameLocator`, `Frame` or `Page`. */
export interface FrameLike {
  getByRole(
    role: 'button' | 'radio' | 'heading',
    options?: { name?: string | RegExp; exact?: boolean },
  ): LocatorLike;
  getByLabel(text: string | RegExp, options?: { exact?: boolean }): LocatorLike;
}

/** What the driver uses of a Playwright `Page`. */
export interface PageLike {
  mainFrame(): unknown;
  frameLocator(selector: string): FrameLike;
}

export interface SandboxBankOptions {
  /** The language Connect was opened in (`params.language`). Default `en`. */
  language?: SandboxBankLanguage;
  /** How long each screen may take to show, in ms. Default: the test's own action timeout. */
  timeout?: number;
  /** `keys` types each character (key events, as a person types); `fill` sets the value at once. Default `fill`. */
  typing?: 'fill' | 'keys';
}

export interface SignInOptions {
  /** Default `Greatday` (asks the security question); `greatday_nomfa` skips it. */
  username?: string;
  /** Default `Everyday`. */
  password?: string;
}

export interface LinkAccountOptions extends SignInOptions {
  /** Connect shows the consent screen first (`consentEnable: true`). Default `true`. */
  consent?: boolean;
  /** Which account to pick: its name (`/Savings/`) or its position. Default the first. */
  account?: string | RegExp | number;
}

/** The sandbox bank in one Connect frame, screen by screen, the way a person goes through it. */
export interface SandboxBank {
  /** The frame the driver clicks in. */
  readonly frame: FrameLike;
  readonly labels: SandboxBankLabels;
  /** Consent screen: "Continue". */
  acceptConsent(): Promise<void>;
  /** Institution list: "Flinks Capital". */
  chooseInstitution(): Promise<void>;
  /** Credentials form: username, password, "Continue". */
  signIn(options?: SignInOptions): Promise<void>;
  /** Security question: the answer (default `Montreal`), "Continue". */
  answerSecurityQuestion(answer?: string): Promise<void>;
  /** Account list: one account, "Continue". Connect then posts ACCOUNT_SELECTED and REDIRECT. */
  chooseAccount(account?: string | RegExp | number): Promise<void>;
  /** Waits for Connect's last screen ("Your account is connected"), for apps that keep the iframe. */
  waitForSuccess(): Promise<void>;
  /**
   * The whole flow: consent (unless `consent: false`), institution, credentials, the security
   * question when the login asks it, and the account, after which Connect posts `REDIRECT`. (It
   * does not wait for Connect's success screen: most apps replace the iframe on `onRedirect`.)
   */
  linkAccount(options?: LinkAccountOptions): Promise<void>;
}

/** The selector of `<FlinksConnect>`'s iframe by its default accessible name. */
export const CONNECT_IFRAME = 'iframe[title="Connect your bank account"]';

/**
 * A driver for the sandbox bank in the Connect frame. Pass the `page` (the Connect iframe is
 * found by `<FlinksConnect>`'s default title, or by `iframe` when yours differs) or a frame
 * locator you already have.
 *
 * @example
 * const bank = sandboxBank(page);
 * await bank.linkAccount(); // consent, Flinks Capital, Greatday / Everyday, Montreal, Chequing
 */
export function sandboxBank(
  target: PageLike | FrameLike,
  options: SandboxBankOptions & { iframe?: string } = {},
): SandboxBank {
  const { language = 'en', timeout, iframe = CONNECT_IFRAME, typing = 'fill' } = options;
  // A FrameLocator and a Frame have frameLocator() too: only a Page is looked into for the iframe.
  const frame = 'mainFrame' in target ? target.frameLocator(iframe) : target;
  const labels = SANDBOX_BANK_LABELS[language];
  const wait = timeout === undefined ? {} : { timeout };
  const button = (name: string | RegExp) => frame.getByRole('button', { name, exact: true });
  const type = (label: string, text: string) => {
    const field = frame.getByLabel(label, { exact: true });
    return typing === 'keys' ? field.pressSequentially(text, wait) : field.fill(text, wait);
  };

  const bank: SandboxBank = {
    frame,
    labels,
    async acceptConsent() {
      await frame.getByRole('heading', { name: labels.consentTitle }).waitFor(wait);
      await button(labels.consentAccept).click(wait);
    },
    async chooseInstitution() {
      await frame.getByRole('button', { name: labels.institution }).click(wait);
    },
    async signIn({ username = SANDBOX_BANK_LOGIN.username, password = SANDBOX_BANK_LOGIN.password } = {}) {
      await type(labels.username, username);
      await type(labels.password, password);
      await button(labels.continue).click(wait);
    },
    async answerSecurityQuestion(answer = SANDBOX_BANK_LOGIN.securityAnswer) {
      await type(labels.securityQuestion, answer);
      await button(labels.continue).click(wait);
    },
    async chooseAccount(account = 0) {
      const radio =
        typeof account === 'number'
          ? frame.getByRole('radio').nth(account)
          : frame.getByRole('radio', { name: account });
      await radio.check(wait);
      await button(labels.continue).click(wait);
    },
    async waitForSuccess() {
      await frame.getByRole('heading', { name: labels.successTitle }).waitFor(wait);
    },
    async linkAccount({ consent = true, account, ...login } = {}) {
      if (consent) await bank.acceptConsent();
      await bank.chooseInstitution();
      await bank.signIn(login);
      const username = (login.username ?? SANDBOX_BANK_LOGIN.username).toLowerCase();
      if (username === SANDBOX_BANK_LOGIN.username.toLowerCase()) await bank.answerSecurityQuestion();
      await bank.chooseAccount(account);
    },
  };
  return bank;
}

/**
 * A Playwright Test fixture: one simulator per worker, closed when the worker ends.
 *
 * @example
 * import { test as base } from '@playwright/test';
 * import { flinksSimulatorFixture, type FlinksSimulator } from '@flinks-embed/simulator/playwright';
 * export const test = base.extend<{}, { flinksSimulator: FlinksSimulator }>({
 *   flinksSimulator: [flinksSimulatorFixture(), { scope: 'worker' }],
 * });
 */
export function flinksSimulatorFixture(
  options: SimulatorOptions = {},
): (args: object, provide: (simulator: FlinksSimulator) => Promise<void>) => Promise<void> {
  // Playwright calls the second argument `use`; named otherwise here, as it is no React hook.
  return async (_args, provide) => {
    const simulator = await startFlinksSimulator({ port: 0, ...options });
    try {
      await provide(simulator);
    } finally {
      await simulator.close();
    }
  };
}
