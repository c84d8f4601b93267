import { actionFor } from './error-actions';
import type { FlinksErrorAction } from './error-actions';

/** The Flinks endpoints this package calls. */
export type FlinksEndpoint =
  | 'GenerateAuthorizeToken'
  | 'Authorize'
  | 'GetAccountsDetail'
  | 'GetAccountsDetailAsync'
  | 'GetAccountsSummary'
  | 'GetAccountsSummaryAsync'
  | 'DeleteCard';

/**
 * How a call to Flinks failed:
 * - `http_error`: Flinks answered with an error status (see `status` and `flinksCode`).
 * - `timeout`: no complete answer within `timeoutMs` (`dataTimeoutMs` for data endpoints).
 * - `network`: Flinks could not be reached (DNS, TLS, connection refused).
 * - `bad_response`: a success status with a body that is not what Flinks sends (empty, HTML, no Token).
 * - `still_pending`: Flinks was still gathering the data after `maxWaitMs`; `requestId` is kept, so
 *   the same call can resume, or the GetAccountsDetail webhook can be awaited.
 */
export type FlinksApiErrorCode = 'http_error' | 'timeout' | 'network' | 'bad_response' | 'still_pending';

export interface FlinksApiErrorDetails {
  readonly status?: number;
  readonly flinksCode?: string;
  readonly requestId?: string;
  readonly body?: unknown;
  readonly cause?: unknown;
}

/**
 * A failed call to Flinks. Branch on `code`, then on `flinksCode` (`INVALID_LOGIN`, …): Flinks'
 * pages disagree on some statuses, not on codes; `action` says what to do next. The message says
 * what to check and never contains the secret key, the API key, a token or a RequestId.
 */
export class FlinksApiError extends Error {
  override readonly name = 'FlinksApiError';
  readonly code: FlinksApiErrorCode;
  readonly endpoint: FlinksEndpoint;
  /** The HTTP status, when Flinks answered. */
  readonly status: number | undefined;
  /** Flinks' `FlinksCode`, when it gave one. */
  readonly flinksCode: string | undefined;
  /** The session's `RequestId`, when there is one (login errors and `still_pending` have it). */
  readonly requestId: string | undefined;
  /**
   * Flinks' whole error answer, parsed, with every credential the call sent replaced by
   * `[redacted]`: a cached /Authorize error keeps its `Login` (with `LastRefresh`) here.
   */
  readonly body: unknown;
  /** What to do about it: see {@link FlinksErrorAction}. */
  readonly action: FlinksErrorAction;

  constructor(
    code: FlinksApiErrorCode,
    endpoint: FlinksEndpoint,
    message: string,
    details: FlinksApiErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.endpoint = endpoint;
    this.status = details.status;
    this.flinksCode = details.flinksCode;
    this.requestId = details.requestId;
    this.body = details.body;
    this.action = actionFor(code, details.status, details.flinksCode);
  }
}

/** Options that cannot work. Thrown by `createFlinksClient` and friends, where the mistake is. */
export class FlinksConfigError extends TypeError {
  override readonly name = 'FlinksConfigError';
}
