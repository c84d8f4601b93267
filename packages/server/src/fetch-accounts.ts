import type { AccountsData } from './accounts';
import type { AuthorizeRequest, AuthorizeResult } from './authorize';
import type { AccountsDetailOptions } from './data';
import { FlinksApiError } from './errors';

export interface FetchAccountsOptions extends Omit<AccountsDetailOptions, 'requestId'> {
  /** From Connect's REDIRECT event (`onRedirect`). */
  readonly loginId: string;
  /**
   * A cached /Authorize replays the outcome of the login's last refresh: when that failed (e.g.
   * `QUESTION_NOT_FOUND`), Flinks still gives a RequestId for the data of the last successful
   * one. `false` (default): reject with that error (its `requestId` and `body.Login.LastRefresh`
   * are there). `true`: go on with that RequestId and return the error as `cachedError`.
   */
  readonly proceedOnCachedError?: boolean;
}

export interface FetchAccountsResult extends AccountsData {
  /** Set when `proceedOnCachedError` used the RequestId of a failed cached /Authorize: the data is as of `login.lastRefresh`. */
  readonly cachedError?: FlinksApiError;
}

interface Parts {
  authorize(request: AuthorizeRequest, options?: { signal?: AbortSignal }): Promise<AuthorizeResult>;
  getAccountsDetail(options: AccountsDetailOptions): Promise<AccountsData>;
}

/** One cached /Authorize (a token of its own), then the data of its RequestId. */
export async function fetchAccounts(
  { authorize, getAccountsDetail }: Parts,
  options: FetchAccountsOptions,
): Promise<FetchAccountsResult> {
  const { loginId, proceedOnCachedError = false, ...detail } = options;
  let requestId: string;
  let cachedError: FlinksApiError | undefined;
  try {
    const session = await authorize(
      { loginId, mostRecentCached: true },
      options.signal === undefined ? {} : { signal: options.signal },
    );
    if (session.kind === 'mfa') {
      // Cached mode does not ask questions; if Flinks does, only the user can answer them.
      throw new FlinksApiError(
        'http_error',
        'Authorize',
        'Flinks Authorize asked security questions for a cached login. Open Connect again with this requestId so the user answers them there.',
        { status: 203, requestId: session.requestId, body: session.body },
      );
    }
    requestId = session.requestId;
  } catch (error) {
    if (!(proceedOnCachedError && error instanceof FlinksApiError && isCachedLoginError(error))) throw error;
    requestId = error.requestId as string;
    cachedError = error;
  }
  const data = await getAccountsDetail({ ...detail, requestId });
  return cachedError === undefined ? data : { ...data, cachedError };
}

/** An error status from /Authorize that carries a RequestId: the last refresh failed, the cache did not. */
function isCachedLoginError(error: FlinksApiError): boolean {
  return (
    error.endpoint === 'Authorize' &&
    error.code === 'http_error' &&
    error.status !== 203 &&
    error.requestId !== undefined &&
    error.status !== undefined &&
    error.status < 500
  );
}
