import type { ConnectSessionState, ConnectStatus } from './session-types';

/**
 * `onStatusChange`: the store listener that reports after every change of what it reports (all
 * of it JSON: compared as text) while `reporting()`. Going idle on stop is no change to report:
 * the session stops reporting first, and what was last reported is forgotten then.
 */
export function statusReporter(
  getState: () => ConnectSessionState,
  reporting: () => boolean,
  report: (status: ConnectStatus) => void,
): () => void {
  let reported: string | undefined;
  return () => {
    const { status, mounted, used, expiresAt, refreshAt } = getState();
    const next: ConnectStatus = { status, mounted, used, expiresAt, refreshAt };
    const text = JSON.stringify(next);
    if (!reporting()) reported = undefined;
    else if (text !== reported) {
      reported = text;
      report(next);
    }
  };
}
