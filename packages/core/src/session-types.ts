import type { ConnectParams } from './connect-params';
import type { FlinksConnectError } from './errors';
import type { ConnectEvent, RedirectDetails } from './events';
import type { InitialToken } from './initial-token';
import type { AuthorizeTokenOptions } from './options';
import type { FetchAuthorizeToken } from './token-source';

/**
 * Why a message from the Connect origin was refused (or, for `unsafe_redirect_url`, trimmed):
 * - `malformed`: from this session's iframe, but not a Connect event;
 * - `other_window`: from another window on the Connect origin that is no session's iframe;
 * - `ambiguous_source`: its sender is gone (the frame navigated away before the message was
 *   dispatched), and several sessions on the page could have sent it, so none takes it;
 * - `unsafe_redirect_url`: a `REDIRECT` whose `url` is not an http(s) URL; the event is accepted
 *   without it.
 */
export type RefusedMessageReason = 'malformed' | 'other_window' | 'ambiguous_source' | 'unsafe_redirect_url';

/** What `onInvalidMessage` is told besides the message data. */
export interface InvalidMessageInfo {
  reason: RefusedMessageReason;
}

/**
 * Callbacks, read when they fire: a binding may swap them without touching the session. Each runs
 * isolated: one that throws cannot stop the session's own handling, and its error is rethrown
 * asynchronously, as an uncaught error, where developers see it.
 */
export interface ConnectSessionHandlers {
  /** Every event from this iframe. */
  onEvent?: ((event: ConnectEvent) => void) | undefined;
  /**
   * The user linked an account: `loginId`, `institution`, and `requestId`/`accountId`/`tag`/`url`
   * when Flinks sends them. Once per iframe load, from the `REDIRECT` message or, when the frame
   * lands on a `redirectUrl` on your own origin (`innerRedirect: true`), from its URL.
   */
  onRedirect?: ((details: RedirectDetails, event: ConnectEvent) => void) | undefined;
  /**
   * Token fetch failures, load timeouts, refused tokens and Flinks error codes (`error.code`,
   * `error.flinksCode`). `error.message` says what went wrong and how to fix it; `error.cause` is
   * the underlying failure (your fetcher's rejection, say).
   */
  onError?: ((error: FlinksConnectError) => void) | undefined;
  /**
   * In development, each error is also logged to the console once (`console.warn`), with its
   * message and cause; `false` turns that off. Production builds never log. Default `true`.
   */
  logErrors?: boolean | undefined;
  /**
   * A message from the Connect origin that was refused, with the reason: `malformed` (not a
   * Connect event), `other_window` (another window on the Connect origin), `ambiguous_source`
   * (its frame had navigated away and several instances could have sent it) or
   * `unsafe_redirect_url` (a `REDIRECT` url that is not http(s), dropped from the details).
   * Never silent.
   */
  onInvalidMessage?: ((data: unknown, info: InvalidMessageInfo) => void) | undefined;
  /**
   * Connect reported `POPUP_BLOCKED`: an OAuth bank's sign-in window did not open (browsers
   * block pop-ups that do not follow a click; in-app browsers often block them all).
   */
  onPopupBlocked?: ((event: ConnectEvent) => void) | undefined;
  /**
   * The progress: `{ status, mounted, used, expiresAt, refreshAt }` (times in epoch ms;
   * `refreshAt` is `null` once the token is used), after every change. Never the token.
   */
  onStatusChange?: ((status: ConnectStatus) => void) | undefined;
}

/** What `onStatusChange` reports: the session's progress, without the token. */
export interface ConnectStatus {
  status: ConnectSessionState['status'];
  /** Flinks reported `APP_MOUNTED` for the current iframe load. */
  mounted: boolean;
  /** The user submitted credentials: the token is spent, and never replaced for expiry. */
  used: boolean;
  /** When the token in the current iframe expires (epoch ms), or `null` with no token. */
  expiresAt: number | null;
  /** When that token is replaced if it stays unused (epoch ms); `null` once used, or with no token. */
  refreshAt: number | null;
}

export interface ConnectSessionOptions extends AuthorizeTokenOptions {
  /** The Connect base URL, e.g. `connectUrlForInstance('toolbox')`. */
  connectUrl: string;
  params?: ConnectParams | undefined;
  fetchAuthorizeToken: FetchAuthorizeToken;
  /** The token for the first iframe load only (see `ConnectBindingOptions`). */
  initialToken?: InitialToken | null | undefined;
  /** How long to wait for `APP_MOUNTED` after an iframe load starts. Default 30,000. */
  loadTimeoutMs?: number | undefined;
  /**
   * How long to wait for `APP_MOUNTED` once the frame's document has loaded (`frameLoaded()`):
   * the browser's own error page loads too, so an unreachable Connect fails this soon instead of
   * after `loadTimeoutMs`. Default 5,000.
   */
  mountTimeoutMs?: number | undefined;
  handlers?: ConnectSessionHandlers | undefined;
  /** The iframe's window: only messages from it are accepted. */
  getFrame: () => MessageEventSource | null | undefined;
}

export interface ConnectSessionState {
  /** `loading` while a token is on its way (the current iframe, if any, stays until it arrives). */
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** The iframe `src` to render, or `null` for none. Each value carries a token no other load has had. */
  src: string | null;
  error: FlinksConnectError | null;
  /** The user submitted credentials in the current iframe: it is never reloaded for expiry. */
  used: boolean;
  /** Flinks reported `APP_MOUNTED` for the current iframe load. */
  mounted: boolean;
  /** When the token in the current iframe expires (epoch ms), or `null` with none. */
  expiresAt: number | null;
  /** When that token is replaced if it stays unused (epoch ms), or `null`. */
  refreshAt: number | null;
  /**
   * Connect reported `POPUP_BLOCKED`, and no `POPUP_OPENED` since in this load: `0` for no, else
   * a number new for every such report (so a dismissed notice can come back for the next one).
   */
  popupBlocked: number;
}

export interface ConnectSession {
  /** The Connect origin: where messages must come from. */
  readonly origin: string;
  /**
   * The first `src`, given by an `initialToken` value when the session was made: a server renders
   * the iframe with it, and `EARLY_MESSAGES_SCRIPT` before it. `null` without one.
   */
  readonly firstSrc: string | null;
  getState(): ConnectSessionState;
  subscribe(listener: () => void): () => void;
  /**
   * Listens for messages and fetches the first token one task later; returns `stop`. Touches no
   * global before. `fresh`: the binding created the first load's iframe itself (a client render),
   * so it is watched like any load; without it, an iframe with `firstSrc` is taken for the
   * server's, whose mount is unknown unless the early messages tell.
   */
  start(fresh?: boolean): () => void;
  /** A fresh token and a fresh iframe load. */
  reload(): void;
  /**
   * Call it on the iframe's `load` event. When the frame has landed on `params.redirectUrl` on the
   * host's own origin, its URL is a second, trusted channel for the result: `onRedirect` fires
   * from it if the `REDIRECT` message was lost, once per load whichever comes first.
   */
  frameLoaded(): void;
  /** Stops for good: a disposed session never starts again. */
  dispose(): void;
}
