import type { FlinksConnectError } from './errors';
import type { ConnectSessionHandlers } from './session-types';

/**
 * Development only: each error the app is told of (`onError`) is also logged, once, with its
 * explanation and cause, so it is read even where an app logs only `error.code`. `logErrors:
 * false` turns it off; production bundles leave it out.
 */
export function logError(handlers: ConnectSessionHandlers, error: FlinksConnectError): void {
  if (handlers.logErrors === false) return;
  console.warn(
    `flinks-embed: ${error.code}: ${error.message} (logged in development only; logErrors: false turns this off)`,
    // The cause as the console shows an object: its own stack, message and fields.
    ...(error.cause === undefined ? [] : ['\nCaused by:', error.cause]),
  );
}
