import { call } from './app-callback';
import type { ConnectSessionHandlers, ConnectSessionState, ConnectStatus } from './session-types';

/**
 * `onStatusChange`: a store listener, for one run of the session, that reports after every change
 * of what it reports (all of it JSON: compared as text). Going idle on stop is no change to
 * report: the session unsubscribes it before it stops.
 */
export function statusReporter(
  getState: () => ConnectSessionState,
  handlers: ConnectSessionHandlers,
): () => void {
  let reported: string | undefined;
  return () => {
    const { status, mounted, used, expiresAt, refreshAt } = getState();
    const next: ConnectStatus = { status, mounted, used, expiresAt, refreshAt };
    const text = JSON.stringify(next);
    if (text !== reported) {
      reported = text;
      call(handlers.onStatusChange, next);
    }
  };
}
