import { TOKEN_SPENDING_STEPS } from '@flinks-embed/react';
import { useReducer } from 'react';

/**
 * What the page knows about its current authorize token, from the outside: the fetcher it gives
 * <FlinksConnect>, and the events Connect posts. The token itself is never shown.
 */
export type TokenPhase =
  /** Nothing requested yet (or the component was just remounted). */
  | 'idle'
  /** The fetcher is waiting for the server. */
  | 'requesting'
  /** A prefetched token is here, before Connect is on screen: its first load will use it. */
  | 'prefetched'
  /** An earlier try failed; the library is trying again with backoff. */
  | 'retrying'
  /** The token is in the iframe URL; Connect is starting. */
  | 'loading'
  /** Connect is up and the token unused: it is replaced shortly before it expires. */
  | 'ready'
  /** The user submitted credentials: the token is spent and never replaced, so the session survives. */
  | 'in-use'
  /** Flinks redirected: the account is linked. */
  | 'linked'
  /** Every try failed, or Connect refused the token: the error screen offers a retry. */
  | 'failed';

export interface TokenActivity {
  phase: TokenPhase;
  /** The try of the current request, from 1. */
  attempt: number;
  expiresAt: number | null;
  /** When the library replaces the token if it is still unused. */
  refreshAt: number | null;
  /** Tokens this page received and loaded, one per iframe load. */
  tokensUsed: number;
  /** The current mount's first token, if the page prefetched it on the user's intent. */
  prefetch: PrefetchState;
}

export type PrefetchState =
  /** This mount fetched its own first token. */
  | 'none'
  | 'requested'
  /** Here, not loaded yet. */
  | 'waiting'
  /** The first iframe load used it (and no other load ever does). */
  | 'used'
  /** Aborted, failed, or too old by the time Connect started: the fetcher was asked instead. */
  | 'dropped';

export type TokenActivityAction =
  | { type: 'request'; prefetch: boolean }
  /** A prefetched token arrived; it counts as used once Connect loads it. */
  | { type: 'prefetched' }
  | { type: 'prefetch-dropped' }
  | { type: 'request-failed' }
  | { type: 'received' }
  /** From `onStatusChange`: the library's own timing of the token in the iframe. */
  | { type: 'timing'; expiresAt: number | null; refreshAt: number | null }
  | { type: 'step'; step: string }
  | { type: 'failed' }
  | { type: 'remount' };

export const INITIAL_TOKEN_ACTIVITY: TokenActivity & { failures: number } = {
  phase: 'idle',
  attempt: 0,
  expiresAt: null,
  refreshAt: null,
  tokensUsed: 0,
  prefetch: 'none',
  failures: 0,
};

/** What each token request, answer, status and Connect step does to the token panel. */
export function reduceTokenActivity(
  state: TokenActivity & { failures: number },
  action: TokenActivityAction,
): TokenActivity & { failures: number } {
  switch (action.type) {
    case 'request':
      return {
        ...state,
        phase: state.failures > 0 ? 'retrying' : 'requesting',
        attempt: state.failures + 1,
        // The first load asked the fetcher while a prefetched token waited: the library dropped it.
        prefetch: action.prefetch ? 'requested' : state.prefetch === 'waiting' ? 'dropped' : state.prefetch,
      };
    case 'prefetched':
      return { ...state, phase: 'prefetched', prefetch: 'waiting' };
    case 'prefetch-dropped':
      return { ...state, phase: 'idle', prefetch: 'dropped' };
    case 'request-failed':
      return { ...state, failures: state.failures + 1 };
    case 'received':
      return {
        ...state,
        phase: 'loading',
        failures: 0,
        tokensUsed: state.tokensUsed + 1,
      };
    case 'timing':
      // An error keeps the last token's expiry on show (it is what the user ran out of).
      if (action.expiresAt === null) return { ...state, refreshAt: null };
      // The library timed the prefetched token: it is in the iframe's src now.
      if (state.prefetch === 'waiting')
        return {
          ...state,
          phase: 'loading',
          prefetch: 'used',
          tokensUsed: state.tokensUsed + 1,
          expiresAt: action.expiresAt,
          refreshAt: action.refreshAt,
        };
      return { ...state, expiresAt: action.expiresAt, refreshAt: action.refreshAt };
    case 'step':
      if (action.step === 'APP_MOUNTED')
        return state.phase === 'loading' ? { ...state, phase: 'ready' } : state;
      if (action.step === 'REDIRECT') return { ...state, phase: 'linked', refreshAt: null };
      if (action.step === 'TOKEN_INVALID') return { ...state, phase: 'failed', refreshAt: null };
      if (TOKEN_SPENDING_STEPS.has(action.step) && state.phase !== 'linked')
        return { ...state, phase: 'in-use', refreshAt: null };
      return state;
    case 'failed':
      return { ...state, phase: 'failed', failures: 0, refreshAt: null };
    case 'remount':
      return { ...INITIAL_TOKEN_ACTIVITY, tokensUsed: state.tokensUsed };
  }
}

export function useTokenActivity(): [TokenActivity, (action: TokenActivityAction) => void] {
  return useReducer(reduceTokenActivity, INITIAL_TOKEN_ACTIVITY);
}
