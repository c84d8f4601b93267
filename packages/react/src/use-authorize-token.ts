import {
  createAuthorizeTokenSource,
  latestCallbacks,
  tokenOptionsKey,
  type AuthorizeTokenOptions,
  type AuthorizeTokenStatus,
  type FetchAuthorizeToken,
  type FlinksConnectError,
} from '@flinks-embed/core';
import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react';
import { useKeyedInstance } from './use-keyed-instance';
import { useLatest } from './use-latest';

/** Options of {@link useAuthorizeToken}: core's token options, plus `enabled`. */
export interface UseAuthorizeTokenOptions extends AuthorizeTokenOptions {
  /** `false` keeps the hook idle and fetches nothing; turning it `true` fetches. Default `true`. */
  enabled?: boolean;
}

/** What {@link useAuthorizeToken} returns. */
export interface UseAuthorizeTokenResult {
  /** `idle` (disabled or not started yet), `loading`, `ready` or `error`. */
  status: AuthorizeTokenStatus;
  /** A token no iframe load has used yet, while `status` is `'ready'`; else `null`. */
  token: string | null;
  /** When `token` expires, in epoch milliseconds; else `null`. */
  expiresAt: number | null;
  /** Why the last request failed, after every retry, while `status` is `'error'`. */
  error: FlinksConnectError | null;
  /** `markUsed()` was called for the current token. */
  used: boolean;
  /** Replaces the token now (reason `'refresh'`), superseding a request in flight. */
  refresh: () => void;
  /**
   * Call it once Flinks reports that the user submitted credentials with `token`
   * (`SUBMIT_CREDENTIAL` or a later step): the token is then never replaced for expiry, which
   * would reload your iframe and throw away the user's session.
   */
  markUsed: () => void;
}

/**
 * A fresh, single-use Flinks authorize token for your own embedding, kept fresh until it is used.
 *
 * Each mount fetches its own token (once, even under StrictMode) and nothing is cached across
 * mounts. A new `fetchAuthorizeToken` or `now` identity on a render changes nothing; a change of
 * the other options starts over with a new token.
 *
 * @example
 * const { status, token, error, refresh } = useAuthorizeToken(({ signal }) =>
 *   fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json()),
 * );
 */
export function useAuthorizeToken(
  fetchAuthorizeToken: FetchAuthorizeToken,
  options: UseAuthorizeTokenOptions = {},
): UseAuthorizeTokenResult {
  const { enabled = true } = options;
  const latest = useLatest({ ...options, fetchAuthorizeToken });
  const source = useKeyedInstance(JSON.stringify(tokenOptionsKey(options)), () => {
    const live = latestCallbacks(fetchAuthorizeToken, () => latest.current);
    return createAuthorizeTokenSource(live.fetchAuthorizeToken, { ...options, now: live.now });
  });
  const state = useSyncExternalStore(source.subscribe, source.getState, source.getState);
  // start() waits one task before fetching, so StrictMode's synthetic unmount (stop) cancels it.
  useEffect(() => (enabled ? source.start() : undefined), [source, enabled]);
  // Wrapped: `onClick={refresh}` must not pass the click event to core as the request reason.
  const refresh = useCallback(() => source.refresh(), [source]);
  const markUsed = useCallback(() => source.markUsed(), [source]);
  const { status, token, expiresAt, error, used } = state;
  return useMemo(
    () => ({ status, token, expiresAt, error, used, refresh, markUsed }),
    [status, token, expiresAt, error, used, refresh, markUsed],
  );
}
