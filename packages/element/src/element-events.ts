import type {
  ConnectEvent,
  ConnectSessionHandlers,
  ConnectStatus,
  FlinksConnectError,
  RedirectDetails,
} from '@flinks-embed/core';

/** The events `<flinks-connect>` dispatches, with their `detail`. */
export interface FlinksConnectEventMap {
  /** Every accepted Connect event. */
  'flinks-event': CustomEvent<ConnectEvent>;
  /** The user linked an account. */
  'flinks-redirect': CustomEvent<RedirectDetails>;
  /** Token fetch failures, load timeouts, refused tokens, Flinks error codes and wrong options. */
  'flinks-error': CustomEvent<FlinksConnectError>;
  /** The progress changed: `{ status, mounted, used, expiresAt, refreshAt }`. Never the token. */
  'flinks-status': CustomEvent<ConnectStatus>;
  /** Connect reported `POPUP_BLOCKED`: the bank's sign-in window did not open. The `POPUP_BLOCKED` event. */
  'flinks-popup-blocked': CustomEvent<ConnectEvent>;
}

/** The callbacks that are also DOM events, each with its event's name: the detail is their first argument. */
export const EVENTS = {
  onEvent: 'flinks-event',
  onRedirect: 'flinks-redirect',
  onError: 'flinks-error',
  onStatusChange: 'flinks-status',
  onPopupBlocked: 'flinks-popup-blocked',
} as const satisfies Partial<Record<keyof ConnectSessionHandlers, keyof FlinksConnectEventMap>>;

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging
  interface HTMLElementEventMap extends FlinksConnectEventMap {}
}
