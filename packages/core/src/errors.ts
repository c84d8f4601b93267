/**
 * Every failure the library reports. `code` is what to branch on; `message` says what went wrong
 * and how to fix it, and never contains a token or a secret.
 */
export type FlinksConnectErrorCode =
  /** The options or props are wrong (a programming error; the message names the fix). */
  | 'invalid_options'
  /** `fetchAuthorizeToken` rejected on every attempt; the last failure is `error.cause`. */
  | 'token_fetch_failed'
  /** `fetchAuthorizeToken` did not settle within `fetchTimeoutMs` on the last attempt. */
  | 'token_fetch_timeout'
  /** `fetchAuthorizeToken` resolved to something that is not a usable token. */
  | 'invalid_token_response'
  /** The iframe did not report `APP_MOUNTED` within `loadTimeoutMs`. */
  | 'iframe_load_timeout'
  /** Flinks Connect said the authorize token is not valid (unknown, expired or already used). */
  | 'token_rejected'
  /** Flinks Connect posted an error code (`flinksCode`), such as `INVALID_LOGIN`. */
  | 'flinks_error';

export class FlinksConnectError extends Error {
  override readonly name = 'FlinksConnectError';
  readonly code: FlinksConnectErrorCode;
  /** The Flinks error code, for `code: 'flinks_error'`. */
  readonly flinksCode: string | undefined;

  constructor(
    code: FlinksConnectErrorCode,
    message: string,
    options: { cause?: unknown; flinksCode?: string } = {},
  ) {
    super(message, 'cause' in options ? { cause: options.cause } : undefined);
    this.code = code;
    this.flinksCode = options.flinksCode;
  }
}

/** Options errors are thrown where the options are given, so the stack points at the caller. */
export const invalidOptions = (message: string): FlinksConnectError =>
  new FlinksConnectError('invalid_options', message);
