import type { ConnectParams } from './connect-params';
import { buildConnectUrl } from './connect-url';
import type { ConnectSessionState } from './session-types';
import type { AuthorizeTokenState } from './token-source';

/** The session with no token and no iframe. */
export const IDLE: ConnectSessionState = {
  status: 'idle',
  src: null,
  error: null,
  used: false,
  mounted: false,
  expiresAt: null,
  refreshAt: null,
  popupBlocked: 0,
};

/**
 * What the token source's state (less the token itself; its errors are the session's to report,
 * before this is asked) changes in the session's: a token becomes the iframe `src`, a new load
 * that starts unmounted; while a replacement is on its way the current iframe stays. `undefined`
 * when nothing the session shows has changed; a change with a `src` is a new iframe load.
 */
export function tokenToSrc(
  { token, ...next }: AuthorizeTokenState,
  state: ConnectSessionState,
  connectUrl: string,
  params: ConnectParams | undefined,
): Partial<ConnectSessionState> | undefined {
  // The token source goes idle only on stop, and only once.
  if (next.status === 'idle') return IDLE;
  if (!token) return next.status === state.status ? undefined : { status: next.status };
  const src = buildConnectUrl(connectUrl, params, token);
  // The token source reports the same token again only with a change: spent now, or back to
  // `ready` (credentials submitted while an expiry refresh was in flight keep this load).
  return src === state.src ? next : { ...next, src, mounted: false, popupBlocked: 0 };
}
