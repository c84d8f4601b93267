import { invalidOptions } from './errors';
import { readTokenResponse, type AuthorizeTokenResponse } from './token-response';
import type { FetchAuthorizeToken } from './token-source';

/**
 * A first token minted before the binding asked for one: by the app's server while it rendered
 * the page (`{ token, expiresIn?, expiresAt? }`), or by `prefetchAuthorizeToken` (a promise).
 */
export type InitialToken = Exclude<AuthorizeTokenResponse, string> | Promise<AuthorizeTokenResponse>;

// Marks, not a cache: which first tokens a session has claimed (so that no other session, after
// a remount or a params change, loads them again), and when each prefetch started. Weak, so a
// token nobody loads is simply dropped; neither ever gives a token back.
const claimed = /* @__PURE__ */ new WeakSet<object>();
const prefetchedAt = /* @__PURE__ */ new WeakMap<object, number>();

// The page's own monotonic clock: a token minted for this page is at most this old, whatever the
// device's wall clock says (and the server's clock is never compared with it).
const pageTime = (): number => globalThis.performance?.now() ?? 0;

/**
 * Starts `fetchAuthorizeToken` now (a route loader, a hover or focus on the "Link your bank"
 * button) and returns its answer as a promise that `initialToken` accepts. Its age is counted from
 * now. `signal` aborts it (the promise then rejects, and a session given it falls back to the
 * fetcher). A prefetched token that is never loaded is dropped, and one is never loaded twice.
 */
export function prefetchAuthorizeToken(
  fetchAuthorizeToken: FetchAuthorizeToken,
  { signal = new AbortController().signal }: { signal?: AbortSignal } = {},
): Promise<AuthorizeTokenResponse> {
  if (__DEV__ && typeof fetchAuthorizeToken !== 'function') {
    throw invalidOptions(
      'prefetchAuthorizeToken needs your fetchAuthorizeToken function as its first argument.',
    );
  }
  const startedAt = pageTime();
  const token = new Promise<AuthorizeTokenResponse>((resolve, reject) => {
    const abort = (): void => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    // Not `resolve(promise)`: that would lock it to a fetcher that ignores the signal.
    new Promise<AuthorizeTokenResponse>((answer) =>
      answer(fetchAuthorizeToken({ signal, reason: 'mount' })),
    ).then(resolve, reject);
  });
  // A prefetch nobody loads (or aborts) is no unhandled rejection.
  token.catch(() => {});
  prefetchedAt.set(token, startedAt);
  return token;
}

/** What a session makes of its `initialToken`. */
export interface FirstToken {
  /** The token for the first `src` now, during rendering: a value given and not yet claimed. */
  readonly preset: string | undefined;
  /** The session started: the first token is its own from now on, unless another had it already. */
  claim(): void;
  /** The fetcher to give the token source: the first token for its first request, then the app's. */
  fetch: FetchAuthorizeToken;
  /**
   * Connect rejected the token on screen: whether it was the first token (no later token has been
   * asked for). It is then spent: the session's next request (its first, if still to come) asks the fetcher.
   */
  spend(): boolean;
}

/**
 * The first token, used for the first iframe load only: every later request (expiry, retry, a
 * rejected first token) goes to `fetchAuthorizeToken`. One that cannot be used (none, a failed
 * mint or prefetch, not a token, expired by its age) falls back to the fetcher, silently.
 */
export function firstToken(
  initial: InitialToken | null | undefined,
  fetchAuthorizeToken: FetchAuthorizeToken,
  // The token source's defaults (DESIGN.md): the session passes its options through unresolved.
  { tokenLifetimeMs = 1_800_000, now = Date.now }: { tokenLifetimeMs?: number; now?: () => number },
): FirstToken {
  if (__DEV__ && initial != null && typeof initial !== 'object') {
    throw invalidOptions(
      `initialToken must be your token endpoint's answer as an object ({ token, expiresIn?, expiresAt? }) ` +
        `or a promise of it (prefetchAuthorizeToken), not ${typeof initial === 'string' ? 'a bare string' : `a ${typeof initial}`}.`,
    );
  }
  let mine = false;
  let showing = false;
  const value = initial && !claimed.has(initial) ? initial : undefined;
  // A failed prefetch or mint handed over as a promise is handled here: it falls back to the fetcher.
  Promise.resolve(value).catch(() => {});
  const token = (value as { token?: unknown } | undefined)?.token;
  const fetch: FetchAuthorizeToken = (context) => {
    showing = mine && context.reason === 'mount';
    mine = false;
    if (!showing) return fetchAuthorizeToken(context);
    const calledAt = now();
    return Promise.resolve(value!)
      .then((answer) => {
        // Minted at most `age` ago: since the page started, or since the prefetch did.
        const age = pageTime() - (prefetchedAt.get(value!) ?? 0);
        const received = readTokenResponse(answer, now() - age, tokenLifetimeMs, now());
        if (typeof received !== 'object') throw received;
        // As the token source times it: from the start of its request.
        return { token: received.token, expiresIn: (received.expiresAt - calledAt) / 1000 };
      })
      .catch(() => {
        showing = false;
        return fetchAuthorizeToken(context);
      });
  };
  const preset = typeof token === 'string' && token ? token : undefined;
  return {
    preset,
    claim() {
      if (value && !claimed.has(value)) {
        claimed.add(value);
        mine = true;
        // A preset token is on screen from the start: Connect may reject it before any fetch.
        showing = !!preset;
      }
    },
    // Not a function: handed on as is, for the token source to name the fix.
    fetch: __DEV__ && typeof fetchAuthorizeToken !== 'function' ? fetchAuthorizeToken : fetch,
    spend() {
      const wasShowing = showing;
      showing = mine = false;
      return wasShowing;
    },
  };
}
