import {
  connectLabels,
  createConnectSession,
  frameName,
  IFRAME_ATTRIBUTES,
  IFRAME_STYLE,
  resolveConnectUrl,
  type ConnectBindingOptions,
  type ConnectTarget,
  type ErrorFallbackProps,
  type PopupBlockedNoticeProps,
} from '@flinks-embed/core';
import { defaultErrorFallback, defaultLoadingFallback, defaultPopupBlockedNotice } from './fallbacks';
import { servedFrame } from './served-frame';

export type { ErrorFallbackProps, PopupBlockedNoticeProps };

/** Where Connect is served from: exactly one of `instance` and `connectUrl`. */
export type FlinksConnectTarget = ConnectTarget;

/**
 * The options of `mountFlinksConnect` besides `instance` / `connectUrl`: core's binding options
 * (the fetcher, `params`, the callbacks, the token and load options, `labels`, `title`, each
 * documented there, and the same as `<FlinksConnect>`'s) and how the DOM draws them.
 */
export interface MountFlinksConnectOptions extends ConnectBindingOptions {
  /**
   * Shown before the iframe (a sibling: the iframe stays as it is) after `POPUP_BLOCKED`, until
   * the user dismisses it, a pop-up opens or the iframe loads again. Default: a `role="alert"`
   * sentence (`labels.popupBlocked`) and a dismiss button (`labels.dismiss`). `false` shows
   * nothing; a function returning a node replaces it.
   */
  popupBlockedNotice?: false | ((props: PopupBlockedNoticeProps) => Node) | undefined;
  /** The default loading line (a `role="status"` paragraph), over `labels.loading`. Default `"Loading your bank connection…"`, or French. */
  loadingText?: string | undefined;
  /** The default error sentence (a `role="alert"` paragraph), over `labels.error`. Default `"Your bank connection could not be loaded."`, or French. */
  errorText?: string | undefined;
  /** The default error's retry button, over `labels.retry`. Default `"Try again"`, or French. */
  retryText?: string | undefined;
  /** Shown until the iframe has a token, instead of the default loading line. */
  loadingFallback?: (() => Node) | undefined;
  /** Shown instead of the iframe on errors, instead of the default alert and retry button. */
  errorFallback?: ((props: ErrorFallbackProps) => Node) | undefined;
  /** On the iframe. Its default size (100% wide, 760 px high) is given as attributes, so any CSS wins. */
  className?: string | undefined;
  /**
   * Any other iframe attribute, such as `allow` (default `"clipboard-write; fullscreen"`),
   * `width`, `height` or `sandbox`. Not `src` or `title`.
   */
  iframeAttributes?: Readonly<Record<string, string>> | undefined;
}

/** The options of `mountFlinksConnect`. */
export type MountFlinksConnectProps = FlinksConnectTarget & MountFlinksConnectOptions;

/** What `mountFlinksConnect` returns. */
export interface FlinksConnectMount {
  /** Loads the iframe again with a fresh token (the user starts over). */
  reload(): void;
  /** Removes what it rendered, every listener and timer, and aborts a token request in flight. */
  destroy(): void;
}

/**
 * Flinks Connect in `container`, without a framework: the same token, message and cleanup rules
 * as `<FlinksConnect>`. It replaces the container's content with a loading line, then the
 * iframe (a fresh element for every load, each with a token no other load had), or an error
 * with a retry button. Messages are accepted only from that iframe. Nothing is fetched before
 * the next task, so a `destroy()` in the same task fetches nothing.
 *
 * The callbacks are read when they fire, and `title`, the texts, `labels`, the fallbacks and
 * `popupBlockedNotice` each time something is rendered; every other option is read once: mount
 * again to change them. (<flinks-connect> passes core's `latestOptions` view of its properties.)
 *
 * @example
 * const connect = mountFlinksConnect(document.getElementById('bank')!, {
 *   instance: 'toolbox',
 *   fetchAuthorizeToken: ({ signal }) =>
 *     fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json()),
 *   onRedirect: ({ loginId }) => saveLogin(loginId),
 * });
 * // later: connect.destroy();
 */
export function mountFlinksConnect(container: Element, options: MountFlinksConnectProps): FlinksConnectMount {
  let frame: HTMLIFrameElement | undefined;
  // What is on screen: the iframe's src, the error, or `null` for the loading fallback.
  let shown: unknown;
  // The blocked pop-up notice, before the iframe: which report it is for (src and number: `''`
  // for none), and which one the user dismissed.
  let noticeFor = '';
  let dismissed = '';
  let destroyed = false;
  // The user pressed "Try again" (or the app called reload()): from then on, what replaces what
  // they were on keeps the focus.
  let retried = false;
  // The first load's iframe, when a server rendered it into the container (kept, not loaded again).
  let served: HTMLIFrameElement | null = null;
  const session = createConnectSession({
    ...options,
    connectUrl: resolveConnectUrl(options, 'mountFlinksConnect'),
    getFrame: () => frame?.contentWindow,
    // Read when they fire; core runs each one isolated: one that throws cannot stop the
    // session, and is still reported.
    handlers: options,
  });
  // Removes everything in the container but `kept`, a DocumentFragment's children too.
  const removeAllBut = (kept: Node | undefined): void => {
    for (const child of [...container.childNodes]) if (child !== kept) child.remove();
  };
  const retry = (): void => {
    retried = true;
    session.reload();
  };

  const render = (): void => {
    const { status, src, error, popupBlocked } = session.getState();
    const labels = connectLabels(options.params?.language, options.labels);
    const next = status === 'error' ? error : src;
    if (next !== shown) {
      shown = next;
      // The notice goes with what it was shown next to (removed below).
      noticeFor = '';
      frame = undefined;
      let node: Node;
      if (error && status === 'error') {
        node = (
          options.errorFallback ??
          defaultErrorFallback(options.errorText ?? labels.error, options.retryText ?? labels.retry)
        )({ error, retry, labels });
      } else if (!src) {
        node = (options.loadingFallback ?? defaultLoadingFallback(options.loadingText ?? labels.loading))();
      } else {
        // A fresh element per load: changing the src of a live iframe would add an entry to the
        // host page's history, so the Back button would step through old Connect loads. The
        // first load's may be in the container already, rendered by a server: it is kept.
        served = src === session.firstSrc ? servedFrame(container, src) : null;
        node = frame = served ?? document.createElement('iframe');
        frame.name = frameName(src);
        frame.title = options.title ?? labels.title;
        for (const [name, value] of Object.entries({ ...IFRAME_ATTRIBUTES, ...options.iframeAttributes })) {
          if (name !== 'src' && name !== 'title') frame.setAttribute(name, value);
        }
        if (options.className) frame.className = options.className;
        Object.assign(frame.style, IFRAME_STYLE);
        // The landing page of an inner redirect is a second channel for the result.
        frame.addEventListener('load', () => session.frameLoaded());
        // Last: the document loads (and spends the token) when the element is inserted.
        if (!served) frame.src = src;
      }
      // A served iframe stays where it is: moving it would load it again.
      removeAllBut(node);
      if (node.parentNode !== container) container.append(node);
      // Focus dropped with the replaced node goes to the new one (its button, or itself: the
      // status line, the iframe), so a keyboard or screen-reader user goes on from there.
      if (retried && document.activeElement === document.body) {
        ((node as Element).querySelector?.('button') ?? (node as HTMLElement)).focus?.();
      }
    }
    // Only the notice comes and goes: the iframe is never moved, which would load it (and spend
    // its token) again.
    const blocked = frame && popupBlocked ? src! + popupBlocked : '';
    const wanted = blocked !== dismissed && options.popupBlockedNotice !== false ? blocked : '';
    if (wanted === noticeFor) return;
    // Beside the iframe there is only the notice, whatever it was.
    removeAllBut(frame);
    noticeFor = wanted;
    if (wanted) {
      const notice = (options.popupBlockedNotice || defaultPopupBlockedNotice)({
        dismiss() {
          dismissed = wanted;
          if (!destroyed) render();
        },
        labels,
      });
      container.insertBefore(notice, frame!);
    }
  };

  const unsubscribe = session.subscribe(render);
  render();
  // A first iframe this created itself cannot have been heard from yet: watched like any load.
  session.start(!served);
  return {
    reload: retry,
    destroy() {
      if (destroyed) return;
      destroyed = true;
      unsubscribe();
      session.dispose();
      // Everything it put there, a DocumentFragment's children too.
      container.replaceChildren();
      frame = undefined;
    },
  };
}
