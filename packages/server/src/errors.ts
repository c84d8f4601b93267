/** The Flinks endpoints this package calls. */
export type FlinksEndpoint = 'GenerateAuthorizeToken' | 'Authorize';

/**
 * How a call to Flinks failed:
 * - `http_error`: Flinks answered with an error status (see `status` and `flinksCode`).
 * - `timeout`: no complete answer within `timeoutMs`.
 * - `network`: Flinks could not be reached (DNS, TLS, connection refused).
 * - `bad_response`: a success status with a body that is not what Flinks sends (empty, HTML, no Token).
 */
export type FlinksApiErrorCode = 'http_error' | 'timeout' | 'network' | 'bad_response';

/**
 * A failed call to Flinks. Branch on `code`, then on `flinksCode` (`INVALID_LOGIN`, …): Flinks'
 * pages disagree on some statuses, not on codes. The message says what to check and never contains
 * the secret key or a token.
 */
export class FlinksApiError extends Error {
  override readonly name = 'FlinksApiError';
  readonly code: FlinksApiErrorCode;
  readonly endpoint: FlinksEndpoint;
  /** The HTTP status, when Flinks answered. */
  readonly status: number | undefined;
  /** Flinks' `FlinksCode`, when it gave one. */
  readonly flinksCode: string | undefined;
  /** The session's `RequestId`, when Flinks gave one (login errors do). */
  readonly requestId: string | undefined;

  constructor(
    code: FlinksApiErrorCode,
    endpoint: FlinksEndpoint,
    message: string,
    details: { status?: number; flinksCode?: string; requestId?: string; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.endpoint = endpoint;
    this.status = details.status;
    this.flinksCode = details.flinksCode;
    this.requestId = details.requestId;
  }
}

/** Options that cannot work. Thrown by `createFlinksClient` and friends, where the mistake is. */
export class FlinksConfigError extends TypeError {
  override readonly name = 'FlinksConfigError';
}
