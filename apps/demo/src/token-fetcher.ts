import type { FetchAuthorizeToken } from '@flinks-embed/react';
import { postAuthorizeToken } from './api';
import type { LogEntry } from './event-log';
import { formatCountdown } from './format';
import type { DemoSettings } from './settings';
import type { TokenActivityAction } from './token-activity';

export interface TokenFetcherContext {
  settings: DemoSettings;
  track: (action: TokenActivityAction) => void;
  log: (entry: Omit<LogEntry, 'id' | 'at'>) => void;
}

/**
 * The page's `fetchAuthorizeToken`, reporting to the panels. What an app writes is
 * `postAuthorizeToken(signal)`: ask your own server. `prefetch` names the user's intent when the
 * request is a prefetch (`prefetchAuthorizeToken`): the log says so, and the token panel holds the
 * token as prefetched until Connect loads it.
 */
export function createTokenFetcher(
  { settings, track, log }: TokenFetcherContext,
  prefetch?: string,
): FetchAuthorizeToken {
  return async ({ signal, reason }) => {
    track({ type: 'request', prefetch: !!prefetch });
    log({
      source: 'token',
      tone: 'neutral',
      name: 'Token requested',
      detail: prefetch ? `prefetch: ${prefetch}` : `reason: ${reason}`,
    });
    try {
      const body = await postAuthorizeToken(signal);
      // The page's "Token lifetime" control shortens the lifetime the server gave, to show expiry.
      const expiresIn =
        settings.tokenLifetime === null
          ? body.expiresIn
          : Math.min(body.expiresIn ?? Infinity, settings.tokenLifetime);
      if (!signal.aborted) {
        track({ type: prefetch ? 'prefetched' : 'received' });
        const lifetime =
          expiresIn === undefined ? 'no expiry given' : `expires in ${formatCountdown(expiresIn * 1000)}`;
        log({
          source: 'token',
          tone: 'success',
          name: prefetch ? 'Token prefetched' : 'Token received',
          detail: prefetch ? `${lifetime} · for the first load only` : lifetime,
        });
      }
      return { token: body.token, ...(expiresIn !== undefined && { expiresIn }) };
    } catch (error) {
      if (signal.aborted) {
        // Aborted with its owner's unmount, which reset the panel already: only the log says so.
        log({
          source: 'token',
          tone: 'neutral',
          name: 'Token request cancelled',
          detail: prefetch ? 'prefetch aborted: the user left before Connect' : 'superseded or unmounted',
        });
      } else {
        // A failed prefetch is dropped: the first load asks the fetcher, as without one.
        track({ type: prefetch ? 'prefetch-dropped' : 'request-failed' });
        const detail = error instanceof Error ? error.message : String(error);
        log({ source: 'token', tone: 'warning', name: 'Token request failed', detail });
      }
      throw error;
    }
  };
}
