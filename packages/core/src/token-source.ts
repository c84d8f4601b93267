import { FlinksConnectError, invalidOptions } from './errors';
import { backoffDelay, resolveTokenOptions, type AuthorizeTokenOptions } from './options';
import { readTokenResponse, type AuthorizeTokenResponse } from './token-response';

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

const IDLE: AuthorizeTokenState = { status: 'idle', token: null, expiresAt: null, error: null, used: false };
const LOADING: AuthorizeTokenState = { ...IDLE, status: 'loading' };

const attemptsText = (n: number, of: number): string => `attempt ${n} of ${of}`;

export function createAuthorizeTokenSource(
  fetchAuthorizeToken: FetchAuthorizeToken,
  options?: AuthorizeTokenOptions,
): AuthorizeTokenSource {
  if (typeof fetchAuthorizeToken !== 'function') {
    throw invalidOptions(
      'fetchAuthorizeToken must be a function that asks your server for a Flinks authorize token, e.g. ' +
        `({ signal }) => fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json())`,
    );
  }
  const o = resolveTokenOptions(options);
  const listeners = new Set<() => void>();
  let state = IDLE;
  let running = false;
  let disposed = false;
  // Bumped whenever a request is superseded or stopped: a stale answer sees a different number.
  let generation = 0;
  // One timer at a time: the deferred start, an attempt's timeout, a backoff delay or the expiry check.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abortInFlight: (() => void) | undefined;
  let refreshAt = 0;
  // The token an expiry refresh is replacing: the iframe still shows it until the new one arrives.
  let replacing: AuthorizeTokenState | undefined;

  const set = (next: AuthorizeTokenState): void => {
    state = next;
    listeners.forEach((listener) => listener());
  };
  const schedule = (ms: number, run: () => void): void => {
    clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, ms));
  };
  const halt = (): void => {
    generation++;
    clearTimeout(timer);
    abortInFlight?.();
    abortInFlight = undefined;
  };

  // Timers stall in background tabs and sleeping laptops, so the wall clock decides, not the timer.
  const checkExpiry = (): void => {
    if (state.status !== 'ready' || state.used) return;
    const left = refreshAt - o.now();
    if (left <= 0) request('expired');
    else schedule(left, checkExpiry);
  };
  const onVisible = (): void => {
    if (document.visibilityState === 'visible') checkExpiry();
  };

  function request(reason: TokenRequestReason): void {
    halt();
    replacing = reason === 'expired' ? state : undefined;
    set(LOADING);
    attempt(generation, reason, 1);
  }

  function attempt(run: number, reason: TokenRequestReason, n: number): void {
    const controller = new AbortController();
    const startedAt = o.now();
    let settled = false;
    const settle = (outcome: () => AuthorizeTokenState): void => {
      if (settled || run !== generation) return;
      settled = true;
      clearTimeout(timer);
      abortInFlight = undefined;
      let next: AuthorizeTokenState;
      try {
        next = outcome();
      } catch (error) {
        const failure = error as FlinksConnectError;
        if (n < o.attempts) {
          schedule(backoffDelay(n, o), () => attempt(run, reason, n + 1));
          return;
        }
        next = { ...IDLE, status: 'error', error: failure };
      }
      set(next);
      if (next.status === 'ready') checkExpiry();
    };

    abortInFlight = () => controller.abort();
    schedule(o.fetchTimeoutMs, () => {
      controller.abort(new DOMException('The authorize token request timed out.', 'TimeoutError'));
      settle(() => {
        throw new FlinksConnectError(
          'token_fetch_timeout',
          `fetchAuthorizeToken did not settle within ${o.fetchTimeoutMs} ms (${attemptsText(n, o.attempts)}). ` +
            'Check that your token endpoint answers, or raise fetchTimeoutMs.',
        );
      });
    });
    new Promise<unknown>((resolve) =>
      resolve(fetchAuthorizeToken({ signal: controller.signal, reason })),
    ).then(
      (value) =>
        settle(() => {
          const now = o.now();
          const received = readTokenResponse(value, startedAt, o.tokenLifetimeMs, now);
          if (typeof received === 'string') {
            throw new FlinksConnectError(
              'invalid_token_response',
              `fetchAuthorizeToken resolved to ${received} (${attemptsText(n, o.attempts)}).`,
            );
          }
          // A token that lives less than the margin is refreshed halfway through its life instead.
          refreshAt = Math.max(received.expiresAt - o.refreshMarginMs, (now + received.expiresAt) / 2);
          return { ...IDLE, status: 'ready', ...received };
        }),
      (cause: unknown) =>
        settle(() => {
          throw new FlinksConnectError(
            'token_fetch_failed',
            `fetchAuthorizeToken ${
              cause instanceof Error
                ? 'rejected'
                : `rejected with ${cause === null ? 'null' : `a ${typeof cause}`}, not an Error`
            } (${attemptsText(n, o.attempts)}); the rejection is in error.cause.`,
            { cause },
          );
        }),
    );
  }

  const stop = (): void => {
    if (!running) return;
    running = false;
    halt();
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    if (typeof window !== 'undefined') window.removeEventListener('online', checkExpiry);
    if (state !== IDLE) set(IDLE);
  };

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start() {
      if (!running && !disposed) {
        running = true;
        if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
        if (typeof window !== 'undefined') window.addEventListener('online', checkExpiry);
        schedule(0, () => request('mount'));
      }
      return stop;
    },
    refresh(reason = 'refresh') {
      if (running) request(reason);
    },
    markUsed() {
      // Credentials submitted in the old iframe while its replacement was being fetched: keep the
      // session the user is in, and drop the replacement.
      if (state.status === 'loading' && replacing) {
        halt();
        set({ ...replacing, used: true });
      } else if (state.status === 'ready' && !state.used) {
        clearTimeout(timer);
        set({ ...state, used: true });
      }
    },
    dispose() {
      stop();
      disposed = true;
      listeners.clear();
    },
  };
}
