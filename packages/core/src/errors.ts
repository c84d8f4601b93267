// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- a global, not a module to import
/// <reference path="./dev.d.ts" />
// The reference declares `__DEV__` for every program that compiles these sources: the packages,
// and apps that type-check them through the `@flinks-embed/source` condition. The built types
// leave it out, so it never reaches an app's globals.

/**
 * Every failure the library reports. `code` is what to branch on; `message` says what went wrong
 * and how to fix it (in production bundles, where that prose is left out, it is the code and the
 * address of its entry in docs/errors.md), and
 * never contains a token or a secret.
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

/** Where every code's cause and fix is written down; production messages point there. */
const ERRORS_PAGE = 'https://github.com/flinks-embed/flinks-embed/blob/main/docs/errors.md';

// One brand for every copy of this class: an app whose dependencies load both the ESM and the CJS
// build (or two versions) has two FlinksConnectError classes, and `instanceof` must work with either.
const BRAND = /* @__PURE__ */ Symbol.for('@flinks-embed/core/FlinksConnectError');

/**
 * True for an error this library reported, whichever of its builds or copies made it. The same
 * test `instanceof FlinksConnectError` does.
 */
export const isFlinksConnectError = (value: unknown): value is FlinksConnectError =>
  (value as { [BRAND]?: unknown } | null | undefined)?.[BRAND] === true;

export class FlinksConnectError extends Error {
  static override [Symbol.hasInstance](value: unknown): boolean {
    // A subclass keeps the ordinary prototype test; the class itself recognizes every copy.
    return this === FlinksConnectError ? isFlinksConnectError(value) : super[Symbol.hasInstance](value);
  }

  override readonly name = 'FlinksConnectError';
  // Declared, not defined: the constructor sets both, and the built class carries no field list.
  declare readonly code: FlinksConnectErrorCode;
  /** The Flinks error code, for `code: 'flinks_error'`. */
  declare readonly flinksCode: string | undefined;

  /** The brand `isFlinksConnectError` reads: on the prototype, so it is no field of the error. */
  get [BRAND](): true {
    return true;
  }

  constructor(
    code: FlinksConnectErrorCode,
    message: string,
    options: { cause?: unknown; flinksCode?: string } = {},
  ) {
    // Error sets `cause` only when the options have one, as `cause: undefined` is a cause too.
    // Without a message (production builds leave the prose out), the code and where it is explained.
    super(message || `${code}: see ${ERRORS_PAGE}#${code}`, options);
    this.code = code;
    this.flinksCode = options.flinksCode;
  }
}

/**
 * The library's own errors. Call sites write the message as `__DEV__ && '...'`: development
 * builds explain what went wrong and name the fix; production builds drop that prose, the way
 * React's do, and carry the code and the page that explains it as the message.
 */
export const failure = (
  code: FlinksConnectErrorCode,
  message: string | false,
  options?: { cause?: unknown; flinksCode?: string },
): FlinksConnectError => new FlinksConnectError(code, message || '', options);

/** Options errors are thrown where the options are given, so the stack points at the caller. */
export const invalidOptions = (message: string | false): FlinksConnectError =>
  failure('invalid_options', message);
