import type { SandboxInstitution } from '../../sandbox-data';
import type { ConnectStrings } from '../strings';
import { button, h, heading, status } from './dom';
import type { Page } from './page';

/** The token was refused: on load (the server's verdict) or by /Authorize. No way forward. */
export function showTokenError(
  page: Page,
  kind: keyof ConnectStrings['tokenErrors'],
  moveFocus: boolean,
): void {
  const copy = page.strings.tokenErrors[kind];
  page.show(
    moveFocus,
    status('error', 'alert'),
    heading(copy.title),
    h('p', { class: 'lead', role: 'alert' }, copy.body),
  );
}

/** A login failed with a Flinks code; "Try again" runs `retry`, or is gone after `maximumRetry` failures. */
export function showLoginError(
  page: Page,
  code: string,
  institution: SandboxInstitution,
  retry: (() => void) | undefined,
): void {
  const { strings } = page;
  const message = strings.loginErrors[code] ?? strings.loginErrors.generic;
  page.show(
    true,
    status('error', 'alert'),
    heading(strings.loginErrorTitle),
    h('p', { class: 'alert', role: 'alert' }, page.fill(message, institution)),
    retry === undefined
      ? h('p', { class: 'lead' }, strings.maximumRetry)
      : button(strings.tryAgain, 'primary', { onClick: retry }),
  );
}
