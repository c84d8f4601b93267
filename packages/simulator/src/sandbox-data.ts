import type { SandboxBankData } from './sandbox-bank';

/**
 * The simulator's test bank, modelled on Flinks' own sandbox institution "Flinks Capital"
 * (docs.flinks.com, "Test institution"): the same usernames, password and security question, so
 * what works here works on Flinks' `toolbox` instance too.
 */

export type SandboxLanguage = 'en' | 'fr';

export type Localized = Readonly<Record<SandboxLanguage, string>>;

export interface SandboxInstitution {
  /**
   * The identifier Flinks puts in events and redirect URLs (`institution=FlinksCapital`) and
   * that its deep links take (`/v2/Credential/National`), spelled as Flinks spells it.
   */
  readonly id: string;
  readonly name: Localized;
  /** Listed only with `demo=true`, like Flinks' test bank. */
  readonly demoOnly: boolean;
  /**
   * An OAuth ("outbound") bank: the user signs in in a pop-up window, not in the frame. Listed only
   * with `demoOutbound=true`, like Flinks' outbound test institutions.
   */
  readonly outbound?: boolean;
}

/**
 * What a login does. `mfa` asks {@link SANDBOX_SECURITY_QUESTION}; an error code is answered the
 * way Flinks answers it (HTTP 401 with that `FlinksCode`).
 */
export type SandboxLoginOutcome = 'mfa' | 'success' | 'RETRY_LATER' | 'DISABLED_LOGIN';

export interface SandboxLogin {
  /** Compared case-insensitively, as banks do. */
  readonly username: string;
  /** Compared exactly. */
  readonly password: string;
  readonly outcome: SandboxLoginOutcome;
}

export interface SandboxSecurityQuestion {
  readonly prompt: Localized;
  /** Compared ignoring case, accents and surrounding spaces ("montréal " matches). */
  readonly answer: string;
}

export interface SandboxAccount {
  readonly id: string;
  readonly title: Localized;
  readonly number: string;
  readonly balance: number;
  readonly currency: 'CAD';
}

export const SANDBOX_PASSWORD = 'Everyday';

export const SANDBOX_LOGINS: readonly SandboxLogin[] = [
  { username: 'Greatday', password: SANDBOX_PASSWORD, outcome: 'mfa' },
  { username: 'greatday_nomfa', password: SANDBOX_PASSWORD, outcome: 'success' },
  { username: 'test_service_unavailable', password: SANDBOX_PASSWORD, outcome: 'RETRY_LATER' },
  { username: 'test_disabled_account', password: SANDBOX_PASSWORD, outcome: 'DISABLED_LOGIN' },
];

export const SANDBOX_SECURITY_QUESTION: SandboxSecurityQuestion = {
  prompt: { en: 'What city were you born in?', fr: 'Dans quelle ville êtes-vous né(e)\u00a0?' },
  answer: 'Montreal',
};

export const SANDBOX_INSTITUTIONS: readonly SandboxInstitution[] = [
  { id: 'FlinksCapital', name: { en: 'Flinks Capital', fr: 'Flinks Capital' }, demoOnly: true },
  {
    id: 'FlinksOAuth',
    name: { en: 'Maple OAuth Bank', fr: 'Banque OAuth Érable' },
    demoOnly: true,
    outbound: true,
  },
  { id: 'BMO', name: { en: 'BMO Bank of Montreal', fr: 'BMO Banque de Montréal' }, demoOnly: false },
  { id: 'CIBC', name: { en: 'CIBC', fr: 'CIBC' }, demoOnly: false },
  { id: 'Desjardins', name: { en: 'Desjardins', fr: 'Desjardins' }, demoOnly: false },
  { id: 'National', name: { en: 'National Bank', fr: 'Banque Nationale' }, demoOnly: false },
  { id: 'RBC', name: { en: 'RBC Royal Bank', fr: 'RBC Banque Royale' }, demoOnly: false },
  { id: 'Scotia', name: { en: 'Scotiabank', fr: 'Banque Scotia' }, demoOnly: false },
  { id: 'Tangerine', name: { en: 'Tangerine', fr: 'Tangerine' }, demoOnly: false },
  { id: 'TD', name: { en: 'TD Canada Trust', fr: 'TD Canada Trust' }, demoOnly: false },
];

export const SANDBOX_ACCOUNTS: readonly SandboxAccount[] = [
  {
    id: '6f1f3a4e-3d0c-4b8e-9a55-1c2b7d9e0a11',
    title: { en: 'Chequing', fr: 'Compte chèques' },
    number: '•••• 4021',
    balance: 2364.18,
    currency: 'CAD',
  },
  {
    id: 'b2a7c9d4-8e61-4f3a-a0c2-5d4e6f7a8b22',
    title: { en: 'High-interest savings', fr: 'Épargne à intérêt élevé' },
    number: '•••• 7795',
    balance: 15280.5,
    currency: 'CAD',
  },
  {
    id: 'd8e9f0a1-2b3c-4d5e-8f6a-7b8c9d0e1f33',
    title: { en: 'Visa Infinite', fr: 'Visa Infinite' },
    number: '•••• 1187',
    balance: -431.96,
    currency: 'CAD',
  },
];

/** The bank's rules as `createSandboxBank` takes them: the server and the static page share them. */
export const SANDBOX_BANK_DATA: SandboxBankData = {
  institutionIds: SANDBOX_INSTITUTIONS.map((institution) => institution.id),
  logins: SANDBOX_LOGINS,
  securityQuestion: SANDBOX_SECURITY_QUESTION,
};
