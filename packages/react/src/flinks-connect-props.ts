import type {
  AuthorizeTokenOptions,
  ConnectEvent,
  ConnectParams,
  ConnectStatus,
  FetchAuthorizeToken,
  FlinksConnectError,
  FlinksConnectLabels,
  InvalidMessageInfo,
  RedirectDetails,
} from '@flinks-embed/core';
import type { ComponentPropsWithoutRef, CSSProperties, ReactNode } from 'react';

/** What `errorFallback` is given. */
export interface ErrorFallbackProps {
  /** What went wrong; branch on `error.code`. */
  error: FlinksConnectError;
  /** Starts again: a fresh token and a fresh iframe load. */
  retry: () => void;
  /** The words for `params.language`, with the `labels` prop applied. */
  labels: FlinksConnectLabels;
}

/** What `popupBlockedNotice` is given. */
export interface PopupBlockedNoticeProps {
  /** Hides the notice (until Connect reports the next blocked pop-up). */
  dismiss: () => void;
  /** The words for `params.language`, with the `labels` prop applied. */
  labels: FlinksConnectLabels;
}

/** The imperative handle of `<FlinksConnect ref={...}>`. */
export interface FlinksConnectHandle {
  /** Loads the iframe again with a fresh token (the user starts over). */
  reload(): void;
}

/** Where Connect is served from: exactly one of `instance` and `connectUrl`. */
export type FlinksConnectTarget =
  | {
      /** Your Flinks instance name, such as `"toolbox"` (the sandbox): Connect is served from `https://{instance}-iframe.private.fin.ag/v2/`. */
      instance: string;
      connectUrl?: never;
    }
  | {
      instance?: never;
      /** The Connect base URL, such as `"https://toolbox-iframe.private.fin.ag/v2/"` or the local simulator's. */
      connectUrl: string;
    };

/** The props of `<FlinksConnect>` besides `instance` / `connectUrl`. */
export interface FlinksConnectOptions extends AuthorizeTokenOptions {
  /**
   * Asks *your* server for a fresh authorize token; called once per iframe load. Resolve to the
   * token or to `{ token, expiresAt?, expiresIn? }`, and honour `signal`. A new function on every
   * render is fine: the latest one is called.
   */
  fetchAuthorizeToken: FetchAuthorizeToken;
  /**
   * Connect customization parameters (`language`, `consentEnable`, `redirectUrl`, ...). Compared
   * by value: an equal object on every render changes nothing, a different one loads the iframe
   * again with a fresh token.
   */
  params?: ConnectParams;
  /** Every event from this component's iframe. */
  onEvent?: (event: ConnectEvent) => void;
  /**
   * The user linked an account: `loginId`, `institution`, and `requestId`/`accountId`/`tag`/`url`
   * when Flinks sends them. Once per iframe load, from the `REDIRECT` message or, when the frame
   * lands on a `redirectUrl` on your own origin (`innerRedirect: true`), from its URL.
   */
  onRedirect?: (details: RedirectDetails, event: ConnectEvent) => void;
  /** Token fetch failures, load timeouts, refused tokens and Flinks error codes (`error.code`, `error.flinksCode`). */
  onError?: (error: FlinksConnectError) => void;
  /**
   * A message from the Connect origin that was refused, with the reason: `malformed` (not a
   * Connect event), `other_window` (another window on the Connect origin), `ambiguous_source`
   * (its frame had navigated away and several instances could have sent it) or
   * `unsafe_redirect_url` (a `REDIRECT` url that is not http(s), dropped from the details).
   */
  onInvalidMessage?: (data: unknown, info: InvalidMessageInfo) => void;
  /**
   * Connect reported `POPUP_BLOCKED`: an OAuth bank's sign-in window did not open (browsers
   * block pop-ups that do not follow a click; in-app browsers often block them all).
   */
  onPopupBlocked?: (event: ConnectEvent) => void;
  /**
   * Shown above the iframe after `POPUP_BLOCKED` until the user dismisses it or a pop-up opens.
   * Default: a `role="alert"` sentence asking to allow pop-ups for the page and try again, and a
   * dismiss button. `false` shows nothing; a render function (or component) replaces it.
   */
  popupBlockedNotice?: false | ((props: PopupBlockedNoticeProps) => ReactNode);
  /**
   * Any of the words drawn around Connect (`title`, `loading`, `error`, `retry`, `popupBlocked`,
   * `dismiss`), over the defaults for `params.language` (English, or French for `'fr'`).
   */
  labels?: Partial<FlinksConnectLabels>;
  /** Shown until the iframe has a token. Default: a small `role="status"` text in `params.language`. */
  loadingFallback?: ReactNode;
  /**
   * Shown instead of the iframe on errors, with the typed error and a `retry` that loads a fresh
   * token. An inline render function or a component (it may use hooks). Default: a `role="alert"`
   * text and a "Try again" button.
   */
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
  /** The iframe's accessible name. Default `labels.title`: `"Connect your bank account"`, or French for `language: 'fr'`. */
  title?: string;
  /** On the iframe. Its default size (100% wide, 760 px high) is given as attributes, so any CSS wins. */
  className?: string;
  /** On the iframe, merged over the default `{ border: 0 }`. */
  style?: CSSProperties;
  /** Any other iframe attribute, such as `allow` (default `"clipboard-write; fullscreen"`), `width`, `height` or `sandbox`. */
  iframeProps?: Omit<ComponentPropsWithoutRef<'iframe'>, 'src' | 'title' | 'className' | 'style'>;
  /** How long to wait for Connect to report `APP_MOUNTED` before showing a load error. Default 30,000. */
  loadTimeoutMs?: number;
  /**
   * How long to wait for `APP_MOUNTED` once the frame's document has loaded, before the same
   * `iframe_load_timeout`: the browser's error page (offline, Connect unreachable) loads too.
   * Default 5,000.
   */
  mountTimeoutMs?: number;
  /**
   * The component's progress: `{ status, mounted, used, expiresAt, refreshAt }` (times in epoch
   * ms; `refreshAt` is `null` once the token is used), after every change. Never the token.
   */
  onStatusChange?: (status: ConnectStatus) => void;
}

/** The props of `<FlinksConnect>`. */
export type FlinksConnectProps = FlinksConnectTarget & FlinksConnectOptions;
