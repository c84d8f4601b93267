import type {
  ConnectBindingOptions,
  ConnectTarget,
  ErrorFallbackProps,
  PopupBlockedNoticeProps,
} from '@flinks-embed/core';
import type { ComponentPropsWithoutRef, CSSProperties, ReactNode } from 'react';

export type { ErrorFallbackProps, PopupBlockedNoticeProps };

/** The imperative handle of `<FlinksConnect ref={...}>`. */
export interface FlinksConnectHandle {
  /** Loads the iframe again with a fresh token (the user starts over). */
  reload(): void;
}

/** Where Connect is served from: exactly one of `instance` and `connectUrl`. */
export type FlinksConnectTarget = ConnectTarget;

/**
 * The props of `<FlinksConnect>` besides `instance` / `connectUrl`: core's binding options (the
 * fetcher, `params`, the callbacks, the token and load options, `labels`, `title`, each
 * documented there) and how React draws them.
 */
export interface FlinksConnectOptions extends ConnectBindingOptions {
  /**
   * Shown above the iframe after `POPUP_BLOCKED` until the user dismisses it or a pop-up opens.
   * Default: a `role="alert"` sentence asking to allow pop-ups for the page and try again, and a
   * dismiss button. `false` shows nothing; a render function (or component) replaces it.
   */
  popupBlockedNotice?: false | ((props: PopupBlockedNoticeProps) => ReactNode);
  /** Shown until the iframe has a token. Default: a small `role="status"` text in `params.language`. */
  loadingFallback?: ReactNode;
  /**
   * Shown instead of the iframe on errors, with the typed error and a `retry` that loads a fresh
   * token. An inline render function or a component (it may use hooks). Default: a `role="alert"`
   * text and a "Try again" button.
   */
  errorFallback?: (props: ErrorFallbackProps) => ReactNode;
  /** On the iframe. Its default size (100% wide, 760 px high) is given as attributes, so any CSS wins. */
  className?: string;
  /**
   * Your Content-Security-Policy nonce, for the one inline script rendered with a server-rendered
   * first token (`initialToken` as a value): it keeps Connect's messages until hydration.
   */
  nonce?: string;
  /** On the iframe, merged over the default `{ border: 0 }`. */
  style?: CSSProperties;
  /** Any other iframe attribute, such as `allow` (default `"clipboard-write; fullscreen"`), `width`, `height` or `sandbox`. */
  iframeProps?: Omit<ComponentPropsWithoutRef<'iframe'>, 'src' | 'title' | 'className' | 'style'>;
}

/** The props of `<FlinksConnect>`. */
export type FlinksConnectProps = FlinksConnectTarget & FlinksConnectOptions;
