import { failure, FlinksConnectError, invalidOptions } from './errors';
import { checkTokenOptions, type AuthorizeTokenOptions } from './options';
import { createStore } from './store';
import { explainRejection } from './token-fetch-failure';
import { readTokenResponse, type AuthorizeTokenResponse, type ReceivedToken } from './token-response';

export type TokenRequestReason = 'mount' | 'expired' | 'retry' | 'refresh';

export interface TokenRequestContext {
  /** Aborted on unmount, on timeout, and when a newer request supersedes this one. */
  signal: AbortSignal;
  reason: TokenRequestReason;
}

/** Asks *your* server for a fresh authorize token. Never call Flinks with the secret key from a browser. */
export type FetchAuthorizeToken = (
  context: TokenRequestContext,
) => Promise<AuthorizeTokenResponse> | AuthorizeTokenResponse;

export type AuthorizeTokenStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface AuthorizeTokenState {
  status: AuthorizeTokenStatus;
  /** A token no iframe load has used yet, while `status` is `'ready'`. */
  token: string | null;
  /** Epoch milliseconds, while `status` is `'ready'`. */
  expiresAt: number | null;
  /** When an unused token is replaced (epoch milliseconds), while `status` is `'ready'`; `null` once used. */
  refreshAt: number | null;
  error: FlinksConnectError | null;
  /** Flinks reported that the user submitted credentials with this token: it is never replaced. */
  used: boolean;
}

export interface AuthorizeTokenSource {
  getState(): AuthorizeTokenState;
  /** Calls `listener` after every state change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /**
   * Starts: fetches a token one task later (so React StrictMode's synthetic unmount cancels it
   * before anything is minted) and keeps it fresh. Returns `stop`, which aborts everything and
   * drops the token; `start()` may be called again after it.
   */
  start(): () => void;
  /** Replaces the token now, superseding any request in flight. Ignored while stopped. */
  refresh(reason?: TokenRequestReason): void;
  /** The token was redeemed by Flinks: never replace it for expiry. */
  markUsed(): void;
  /** Stops for good. */
  dispose(): void;
}

const IDLE: AuthorizeTokenState = {
  status: 'idle',
  token: null,
  expiresAt: null,
  refreshAt: null,
  error: null,
  used: false,
};

const attemptText = (n: number, of: number): string => `attempt ${n} of ${of}`;

/**
 * A standalone token source: the token rules (`tokenRequests`) with their state in a store of
 * their own, for `useAuthorizeToken` and an app's own embedding.
 */
export function createAuthorizeTokenSource(
  fetchAuthorizeToken: FetchAuthorizeToken,
  options: AuthorizeTokenOptions = {},
): AuthorizeTokenSource {
  const { getState, subscribe, set, listeners } = createStore(IDLE);
  const { start, stop, refresh, markUsed } = tokenRequests(fetchAuthorizeToken, options, set);
  let disposed = false;
  return {
    getState,
    subscribe,
    start: () => (disposed ? stop : start()),
    refresh,
    markUsed,
    dispose() {
      stop();
      disposed = true;
      listeners.clear();
    },
  };
}

/** The token rules of one token source, started and stopped by its owner. */
export interface TokenRequests {
  /** See `AuthorizeTokenSource.start`; returns `stop`. */
  start(): () => void;
  stop(): void;
  /** Replaces the token now, superseding any request in flight. Ignored while stopped. */
  refresh(reason?: TokenRequestReason): void;
  /** The token was redeemed by Flinks: never replace it for expiry. */
  markUsed(): void;
}

/**
 * The token rules: one token per iframe load, fetched one task after `start()`, retried, timed out
 * and replaced before it expires. The state is the caller's to keep and publish: every new state
 * is handed to `changed`, so a Connect session folds it into its own without a second store.
 */
export function tokenRequests(
  fetchAuthorizeToken: FetchAuthorizeToken,
  options: AuthorizeTokenOptions,
  changed: (state: AuthorizeTokenState) => void,
): TokenRequests {
  if (__DEV__ && typeof fetchAuthorizeToken !== 'function') {
    throw invalidOptions(
      'fetchAuthorizeToken must be a function that asks your server for a Flinks authorize token, e.g. ' +
        `({ signal }) => fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then(async (r) => { ` +
        'const body = await r.json(); if (!r.ok) throw Object.assign(new Error(body.error), { code: body.error }); ' +
        'return body; }) (the README has it).',
    );
  }
  const {
    tokenLifetimeMs = 1_800_000,
    refreshMarginMs = 60_000,
    fetchTimeoutMs = 15_000,
    retry = {},
    now = Date.now,
  } = options;
  const { attempts = 3, baseDelayMs = 500, maxDelayMs = 8_000 } = retry || { attempts: 1 };
  if (__DEV__) {
    checkTokenOptions({
      tokenLifetimeMs,
      refreshMarginMs,
      fetchTimeoutMs,
      attempts,
      baseDelayMs,
      maxDelayMs,
      now,
    });
  }
  let state = IDLE;
  const set = (next: AuthorizeTokenState): void => changed((state = next));
  let running = false;
  // One timer at a time: the deferred start, an attempt's timeout, a backoff delay or the expiry check.
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The attempt in flight. Stopping, superseding and timing out all abort it, and an aborted
  // attempt's answer is dropped: so only the current request can ever settle.
  let inFlight: AbortController | undefined;
  // The token an expiry refresh is replacing: the iframe still shows it until the new one arrives.
  let replacing: AuthorizeTokenState | undefined;

  const schedule = (ms: number, run: () => void): void => {
    clearTimeout(timer);
    timer = setTimeout(run, ms);
  };
  const halt = (): void => {
    clearTimeout(timer);
    inFlight?.abort();
    inFlight = undefined;
  };

  // Timers stall in background tabs and sleeping laptops, so the wall clock decides, not the timer.
  const checkExpiry = (): void => {
    // Set only while an unused token is ready.
    const { refreshAt } = state;
    if (refreshAt == null) return;
    const left = refreshAt - now();
    if (left <= 0) request('expired');
    // Capped: past 2^31 - 1 ms (24.8 days) setTimeout overflows and fires at once, in a loop.
    else schedule(Math.min(left, 2 ** 31 - 1), checkExpiry);
  };
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') checkExpiry();
  };
  // Through globalThis, as a source may be created and started where there is no DOM.
  const listen = (method: 'addEventListener' | 'removeEventListener'): void => {
    globalThis.document?.[method]('visibilitychange', onVisible);
    globalThis.window?.[method]('online', checkExpiry);
  };

  function request(reason: TokenRequestReason): void {
    halt();
    replacing = reason === 'expired' ? state : undefined;
    set({ ...IDLE, status: 'loading' });
    attempt(reason, 1);
  }

  function attempt(reason: TokenRequestReason, n: number): void {
    const controller = (inFlight = new AbortController());
    const startedAt = now();
    const settle = (outcome: FlinksConnectError | ReceivedToken): void => {
      if (controller.signal.aborted) return;
      clearTimeout(timer);
      inFlight = undefined;
      if (!(outcome instanceof FlinksConnectError)) {
        // A token that lives less than the margin is refreshed halfway through its life instead.
        const refreshAt = Math.max(outcome.expiresAt - refreshMarginMs, (now() + outcome.expiresAt) / 2);
        set({ ...IDLE, status: 'ready', ...outcome, refreshAt });
        checkExpiry();
      } else if (
        n < attempts &&
        !/_not_/.test((outcome.cause as { code?: string } | undefined)?.code as string)
      ) {
        // Not after the token endpoint's `<what>_not_<state>` answers: set up wrong (token-fetch-failure.ts).
        // Exponential backoff with "equal jitter": half to all of `base * 2^(n - 1)`, capped.
        const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (n - 1));
        schedule(ceiling / 2 + (Math.random() * ceiling) / 2, () => attempt(reason, n + 1));
      } else {
        set({ ...IDLE, status: 'error', error: outcome });
      }
    };

    schedule(fetchTimeoutMs, () => {
      settle(
        failure(
          'token_fetch_timeout',
          __DEV__ &&
            `fetchAuthorizeToken did not settle within ${fetchTimeoutMs} ms (${attemptText(n, attempts)}). ` +
              'Check that your token endpoint answers, or raise fetchTimeoutMs.',
        ),
      );
      // After settling, so that its late answer is dropped; the fetcher sees why it was aborted.
      controller.abort(
        new DOMException(__DEV__ ? 'The authorize token request timed out.' : '', 'TimeoutError'),
      );
    });
    new Promise<unknown>((resolve) =>
      resolve(fetchAuthorizeToken({ signal: controller.signal, reason })),
    ).then(
      (value) => {
        const received = readTokenResponse(value, startedAt, tokenLifetimeMs, now());
        settle(
          typeof received === 'object'
            ? received
            : failure(
                'invalid_token_response',
                __DEV__ && `fetchAuthorizeToken resolved to ${received} (${attemptText(n, attempts)}).`,
              ),
        );
      },
      (cause: unknown) =>
        settle(
          failure(
            'token_fetch_failed',
            __DEV__ &&
              `fetchAuthorizeToken rejected${explainRejection(cause)} (${attemptText(n, attempts)}); ` +
                'the rejection is in error.cause.',
            { cause },
          ),
        ),
    );
  }

  const stop = (): void => {
    if (!running) return;
    running = false;
    halt();
    listen('removeEventListener');
    if (state !== IDLE) set(IDLE);
  };

  return {
    start() {
      if (!running) {
        running = true;
        listen('addEventListener');
        schedule(0, () => request('mount'));
      }
      return stop;
    },
    stop,
    refresh(reason = 'refresh') {
      if (running) request(reason);
    },
    markUsed() {
      // Credentials submitted in the old iframe while its replacement was being fetched: keep the
      // session the user is in, and drop the replacement.
      const current = state.status === 'loading' ? replacing : state;
      if (current?.status === 'ready' && !current.used) {
        halt();
        set({ ...current, used: true, refreshAt: null });
      }
    },
  };
}
