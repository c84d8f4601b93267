/**
 * The sandbox bank as a person sees it on the simulator's Connect page: the labels of each screen
 * in each language, the test logins, and the order of the screens. The Playwright driver
 * (`@flinks-embed/simulator/playwright`) clicks through these; the repo's Storybook play functions,
 * which run in the browser without Playwright, read the same table. Plain data: browser-safe.
 */

export type SandboxBankLanguage = 'en' | 'fr';

export interface SandboxBankLabels {
  /** The consent screen's heading and its accept button. */
  readonly consentTitle: string;
  readonly consentAccept: string;
  /** The sandbox institution's button name on the institution list. */
  readonly institution: RegExp;
  readonly username: string;
  readonly password: string;
  /** The label of the security question's answer field. */
  readonly securityQuestion: string;
  /** The button that submits credentials, the answer and the account. */
  readonly continue: string;
  /** The heading of the last screen, after `REDIRECT`. */
  readonly successTitle: string;
  readonly tryAgain: string;
}

export const SANDBOX_BANK_LABELS: Readonly<Record<SandboxBankLanguage, SandboxBankLabels>> = {
  en: {
    consentTitle: 'Connect your bank account',
    consentAccept: 'Continue',
    institution: /Flinks Capital/,
    username: 'Username',
    password: 'Password',
    securityQuestion: 'What city were you born in?',
    continue: 'Continue',
    successTitle: 'Your account is connected',
    tryAgain: 'Try again',
  },
  fr: {
    consentTitle: 'Connectez votre compte bancaire',
    consentAccept: 'Continuer',
    institution: /Flinks Capital/,
    username: 'Nom d’utilisateur',
    password: 'Mot de passe',
    securityQuestion: 'Dans quelle ville êtes-vous né(e)\u00a0?',
    continue: 'Continuer',
    successTitle: 'Votre compte est connecté',
    tryAgain: 'Réessayer',
  },
};

/** The sandbox bank's logins (Flinks' own test credentials for "Flinks Capital"). */
export const SANDBOX_BANK_LOGIN = {
  /** Asks the security question. */
  username: 'Greatday',
  /** Skips the security question. */
  usernameWithoutMfa: 'greatday_nomfa',
  /** Fails with RETRY_LATER. */
  usernameUnavailable: 'test_service_unavailable',
  password: 'Everyday',
  securityAnswer: 'Montreal',
} as const;

/** The screens of a sandbox-bank flow, in order; `linkAccount` walks the ones that apply. */
export type SandboxBankScreen = 'consent' | 'institution' | 'credentials' | 'mfa' | 'account';

/** The Connect steps a full flow posts to the host page, consent and MFA on (FLINKS.md's happy path). */
export const SANDBOX_HAPPY_PATH = [
  'APP_MOUNTED',
  'COMPONENT_LOAD_CONSENT',
  'COMPONENT_ACCEPT_CONSENT',
  'COMPONENT_LOAD_INSTITUTION_SELECTOR',
  'INSTITUTION_SELECTED',
  'COMPONENT_LOAD_CREDENTIAL',
  'SUBMIT_CREDENTIAL',
  'COMPONENT_LOAD_MFA',
  'SUBMIT_MFA',
  'COMPONENT_LOAD_ACCOUNT_SELECTION',
  'ACCOUNT_SELECTED',
  'REDIRECT',
] as const;

/** The happy path's steps for a flow with or without the consent and MFA screens. */
export function sandboxHappyPath({
  consent = true,
  mfa = true,
}: { consent?: boolean; mfa?: boolean } = {}): string[] {
  const skip = new Set<string>([
    ...(consent ? [] : ['COMPONENT_LOAD_CONSENT', 'COMPONENT_ACCEPT_CONSENT']),
    ...(mfa ? [] : ['COMPONENT_LOAD_MFA', 'SUBMIT_MFA']),
  ]);
  return SANDBOX_HAPPY_PATH.filter((step) => !skip.has(step));
}
