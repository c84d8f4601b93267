import type { AuthorizeTokenOptions, FetchAuthorizeToken } from '@flinks-embed/core';

/**
 * The token options by value, for a JSON key: `now` is left out because it is read through a ref.
 * (`retry` goes in as written; an inline object keeps its key order from render to render.)
 */
export const tokenOptionsKey = ({
  tokenLifetimeMs,
  refreshMarginMs,
  fetchTimeoutMs,
  retry,
}: AuthorizeTokenOptions): unknown[] => [tokenLifetimeMs, refreshMarginMs, fetchTimeoutMs, retry];

/**
 * The fetcher and clock for core, reading the latest props when called: a new function identity
 * on every render must neither refetch nor reload.
 */
export function latestCallbacks(
  latest: { readonly current: AuthorizeTokenOptions & { fetchAuthorizeToken: FetchAuthorizeToken } },
  fetchAuthorizeToken: unknown,
): { fetchAuthorizeToken: FetchAuthorizeToken; now: () => number } {
  return {
    // A non-function goes to core as is, so its "must be a function" error is thrown in render.
    fetchAuthorizeToken:
      typeof fetchAuthorizeToken === 'function'
        ? (context) => latest.current.fetchAuthorizeToken(context)
        : (fetchAuthorizeToken as FetchAuthorizeToken),
    now: () => (latest.current.now ?? Date.now)(),
  };
}
