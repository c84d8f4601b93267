import type { FlinksApiErrorCode } from './errors';

/**
 * What the app should do after a failed call (FLINKS-DATA §6):
 * - `retry_later`: Flinks or the bank is busy or failing; the same call can succeed later
 *   (`still_pending`: call again with the same `requestId`, or wait for the webhook).
 * - `reauthorize`: the RequestId expired or is unknown; call `authorize({ loginId })` for a new one.
 * - `reconnect`: the user must act; open Connect again (with the error's `requestId` to answer
 *   MFA there, when Flinks activated resume for your instance, else a new Connect flow).
 * - `fix_setup`: keys, instance, customerId or the request itself are wrong; retrying cannot help.
 * - `unknown`: a code this package does not know; treat it as terminal and log it.
 */
export type FlinksErrorAction = 'retry_later' | 'reauthorize' | 'reconnect' | 'fix_setup' | 'unknown';

const BY_FLINKS_CODE: Readonly<Record<string, FlinksErrorAction>> = {
  OPERATION_PENDING: 'retry_later',
  OPERATION_DISPATCHED: 'retry_later',
  RETRY_LATER: 'retry_later',
  CARD_IN_USE: 'retry_later',
  CONCURRENT_SESSION: 'retry_later',
  TOO_MANY_REQUESTS: 'retry_later',
  DISABLED_INSTITUTION: 'retry_later',
  AGGREGATION_ERROR: 'retry_later',
  SESSION_NONEXISTENT: 'reauthorize',
  SESSION_EXPIRED: 'reauthorize',
  INVALID_LOGIN: 'reconnect',
  INVALID_USERNAME: 'reconnect',
  INVALID_PASSWORD: 'reconnect',
  INVALID_SECURITY_RESPONSE: 'reconnect',
  INVALID_SECURITY_RESPONSE_NO_RETRY: 'reconnect',
  SECURITYRESPONSES_INCOMPLETE: 'reconnect',
  QUESTION_NOT_FOUND: 'reconnect',
  UNAUTHORIZED: 'reconnect',
  DISABLED_LOGIN: 'reconnect',
  NEW_ACCOUNT: 'reconnect',
  ACCESS_DENIED: 'fix_setup',
  INVALID_REQUEST: 'fix_setup',
  UNKNOWN_CHALLENGE_KEY: 'fix_setup',
  METHOD_NOT_AVAILABLE: 'fix_setup',
};

/** Branches on Flinks' code first: its pages disagree on statuses, not on codes. */
export function actionFor(
  code: FlinksApiErrorCode,
  status: number | undefined,
  flinksCode: string | undefined,
): FlinksErrorAction {
  if (flinksCode !== undefined) {
    const known = BY_FLINKS_CODE[flinksCode.toUpperCase()];
    if (known !== undefined) return known;
  }
  if (code === 'still_pending' || code === 'timeout' || code === 'network') return 'retry_later';
  if (status === undefined) return code === 'bad_response' ? 'fix_setup' : 'unknown';
  if (status >= 500 || status === 429) return 'retry_later';
  if (status === 203) return 'reconnect'; // MFA where nobody can answer: the user, in Connect
  if (code === 'bad_response' || status === 404) return 'fix_setup';
  // An error status without a code Flinks documents, e.g. a refused key.
  if (flinksCode === undefined && (status === 401 || status === 403)) return 'fix_setup';
  return 'unknown';
}
