import type { SandboxBank, SandboxBankData } from '../../sandbox-bank';
import type { SandboxInstitution } from '../../sandbox-data';
import { showAccounts } from './accounts';
import { showLoginError, showTokenError } from './errors';
import { post } from './messages';
import { showMfa } from './mfa';
import type { Answer, Page, PageBase } from './page';

export type CreateBank = (data: SandboxBankData, newId: () => string, now: () => number) => SandboxBank;

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The page's /Authorize: the server's endpoint, or on the static page (which has the sandbox
 * bank's data in its config) the sandbox bank itself, run in the browser.
 */
export function connectBank(base: PageBase, createBank: CreateBank): Page['authorize'] {
  const { config, session } = base;
  const localBank = config.bank !== null ? createBank(config.bank, randomId, Date.now) : null;

  return async (fields) => {
    const body = session.requestId === undefined ? fields : { ...fields, RequestId: session.requestId };
    if (localBank !== null) {
      const reply = localBank.authorize(body);
      return { status: reply.status, body: { ...reply.body } };
    }
    try {
      const response = await fetch(config.authorizePath ?? '', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'flinks-auth-key': base.token ?? '' },
        body: JSON.stringify(body),
      });
      const json: unknown = await response.json().catch(() => ({}));
      return {
        status: response.status,
        body: typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {},
      };
    } catch {
      return { status: 0, body: {} };
    }
  };
}

/** Routes an /Authorize answer to the next screen; `retry` shows the failed step again. */
export function proceed(
  page: Page,
  answer: Answer,
  institution: SandboxInstitution,
  retry: () => void,
): void {
  const { body } = answer;
  const { session } = page;
  if (typeof body.RequestId === 'string') session.requestId = body.RequestId;
  if (answer.status === 200) {
    const login = body.Login as { Id?: unknown } | undefined;
    session.loginId = typeof login?.Id === 'string' ? login.Id : undefined;
    showAccounts(page, institution);
    return;
  }
  const challenges = Array.isArray(body.SecurityChallenges) ? (body.SecurityChallenges as unknown[]) : [];
  const first = challenges[0] as { Type?: unknown; Prompt?: unknown } | undefined;
  if (answer.status === 203 && typeof first?.Prompt === 'string') {
    const types = challenges.map((challenge) => String((challenge as { Type?: unknown }).Type));
    showMfa(page, institution, first.Prompt, types, false);
    return;
  }
  const flinksCode = typeof body.FlinksCode === 'string' ? body.FlinksCode : undefined;
  if (answer.status === 401 && flinksCode === undefined) {
    // The token itself was refused (expired or spent before the user got here).
    post(page, { step: 'TOKEN_INVALID' });
    showTokenError(page, 'refused', true);
    return;
  }
  const code = flinksCode ?? 'RETRY_LATER';
  post(page, { flinksCode: code, requestId: session.requestId, institution: institution.id });
  session.failedAttempts += 1;
  if (page.maximumRetry !== undefined && session.failedAttempts >= page.maximumRetry) {
    // The session is over: the error stays on screen with no way to try again.
    post(page, { step: 'MAXIMUM_RETRY_REACHED', institution: institution.id });
    showLoginError(page, code, institution, undefined);
    return;
  }
  showLoginError(page, code, institution, retry);
}
