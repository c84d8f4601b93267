import type { SandboxInstitution, SandboxLanguage } from '../../sandbox-data';
import type { ConnectPageConfig } from '../config';
import type { ConnectStrings } from '../strings';
import type { Child } from './dom';

/** What every screen works with: the page's config, its URL parameters, and the one screen slot. */
export interface Page {
  readonly config: ConnectPageConfig;
  readonly language: SandboxLanguage;
  readonly strings: ConnectStrings;
  readonly token: string | undefined;
  readonly tag: string | undefined;
  /**
   * The institution of a deep link (`/v2/Credential/National`), which opens its sign-in screen
   * instead of the list; `undefined` on `/` and `/v2/`.
   */
  readonly deepLink: string | undefined;
  /** `maximumRetry`: how many failed attempts end the session; `undefined` for no limit. */
  readonly maximumRetry: number | undefined;
  /** A Connect parameter from the page's own URL, as Flinks Connect reads them. */
  param(name: string): string | undefined;
  /** A `true`/`false` Connect parameter (case-insensitive); anything else is `false`. */
  flag(name: string): boolean;
  /** `{customer}` and `{institution}` filled in. */
  fill(template: string, institution?: SandboxInstitution): string;
  /**
   * Replaces the screen. After a user action, focus moves to the new screen (its first field, else
   * its heading) so keyboard and screen-reader users land on it. The first screen takes no focus:
   * an iframe that grabs focus on load steals it from the host page.
   */
  show(moveFocus: boolean, ...nodes: Child[]): void;
  /** Calls /Authorize with the page's token; later calls of the session carry its RequestId. */
  authorize(fields: Record<string, unknown>): Promise<Answer>;
  /** What the session learned so far, for the next calls and the REDIRECT event. */
  readonly session: Session;
}

export interface Session {
  requestId: string | undefined;
  loginId: string | undefined;
  /** Logins and answers refused so far, against `maximumRetry`. */
  failedAttempts: number;
  /** Filled in again when the credentials screen is shown after a failed login. */
  lastUsername: string;
}

/** An /Authorize answer: HTTP status (0 when the request failed) and JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

/** The page without its screen slot and bank (see `mountLayout` and `connectBank`). */
export type PageBase = Omit<Page, 'show' | 'authorize'>;

export function createPageBase(config: ConnectPageConfig): PageBase {
  const query = new URLSearchParams(window.location.search);
  const param = (name: string): string | undefined => query.get(name) ?? undefined;
  const flag = (name: string): boolean => param(name)?.toLowerCase() === 'true';

  const language: SandboxLanguage = param('language')?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  const strings = config.strings[language];
  const customer = param('customerName')?.trim() || strings.customerFallback;

  return {
    config,
    language,
    strings,
    token: param('authorizeToken'),
    tag: param('tag'),
    deepLink: deepLinkIn(window.location.pathname),
    maximumRetry: positiveWhole(param('maximumRetry')),
    session: { requestId: undefined, loginId: undefined, failedAttempts: 0, lastUsername: '' },
    param,
    flag,
    fill: (template, institution) =>
      template
        .replace(/\{customer\}/g, customer)
        .replace(/\{institution\}/g, institution === undefined ? '' : institution.name[language]),
  };
}

/** `/Credential/{institution}` at the end of the path, as Flinks' deep links have it. */
function deepLinkIn(pathname: string): string | undefined {
  const match = /\/Credential\/([^/]+)\/?$/i.exec(pathname);
  if (match === null) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return undefined;
  }
}

function positiveWhole(value: string | undefined): number | undefined {
  const number = Number(value);
  return value !== undefined && Number.isInteger(number) && number > 0 ? number : undefined;
}
