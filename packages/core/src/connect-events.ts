import { call } from './app-callback';
import { logError } from './error-log';
import { failure, type FlinksConnectError } from './errors';
import type { ConnectEvent } from './events';
import type { ConnectSessionHandlers } from './session-types';

/**
 * Tells the app about an accepted event (the result's `onRedirect` is the session's, after this):
 * `onEvent`, then `onPopupBlocked` for `POPUP_BLOCKED` and `onError` with a `flinks_error` for a
 * Flinks error code. Each runs isolated.
 */
export function tellApp(handlers: ConnectSessionHandlers, event: ConnectEvent): void {
  call(handlers.onEvent, event);
  if (event.type === 'error') {
    const { flinksCode } = event;
    const error = failure('flinks_error', __DEV__ && `Flinks Connect reported ${flinksCode}.`, {
      flinksCode,
    });
    if (__DEV__) logError(handlers, error);
    call(handlers.onError, error);
  } else if (event.step === 'POPUP_BLOCKED') call(handlers.onPopupBlocked, event);
}

/** What `TOKEN_INVALID` means: Flinks refused the token this load was given. */
export const tokenRejected = (): FlinksConnectError =>
  failure(
    'token_rejected',
    __DEV__ &&
      'Flinks Connect refused the authorize token (unknown, expired or already used). ' +
        'Make sure your token endpoint mints a new token for every request.',
  );
