import type { ConnectParams } from './connect-params';
import { buildConnectUrl } from './connect-url';
import { failure, invalidOptions, type FlinksConnectError } from './errors';
import type { ConnectEvent, KnownStep, RedirectDetails } from './events';
import { liveSessions, type LiveSession } from './live-sessions';
import { hasUnsafeRedirectUrl, readConnectEvent, redirectDetails, urlDetails, webUrl } from './messages';
import type { AuthorizeTokenOptions } from './options';
import { createStore } from './store';
import { createAuthorizeTokenSource, type FetchAuthorizeToken } from './token-source';

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
  /** Token fetch failures, load timeouts, refused tokens and Flinks error codes (`error.code`, `error.flinksCode`). */
  onError?: ((error: FlinksConnectError) => void) | undefined;
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
  getState(): ConnectSessionState;
  subscribe(listener: () => void): () => void;
  /** Listens for messages and fetches the first token one task later; returns `stop`. Touches no global before. */
  start(): () => void;
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

/**
 * Steps after which the token has been redeemed and the user is mid-session: from then on the
 * iframe is never reloaded for expiry. (Any `flinksCode` event counts too.)
 */
export const TOKEN_SPENDING_STEPS: ReadonlySet<KnownStep | (string & {})> = /* @__PURE__ */ new Set<
  KnownStep | (string & {})
>([
  'SUBMIT_CREDENTIAL',
  'COMPONENT_LOAD_CREDENTIAL_RETRY',
  'COMPONENT_LOAD_MFA',
  'SUBMIT_MFA',
  'COMPONENT_LOAD_MFA_RETRY',
  'ENHANCED_MFA_HAS_QUESTIONS',
  'ENHANCED_MFA_NO_QUESTIONS',
  'COMPONENT_LOAD_ACCOUNT_SELECTION',
  'ACCOUNT_SELECTED',
  'REDIRECT',
  // An OAuth bank's login runs in the pop-up: reloading the iframe would orphan it.
  'POPUP_OPENED',
]);

const IDLE: ConnectSessionState = {
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
 * One embedded Connect iframe: its tokens, its load watchdog and its messages. Bindings render
 * `getState().src` in an iframe and pass that iframe's window as `getFrame`.
 */
export function createConnectSession(options: ConnectSessionOptions): ConnectSession {
  const {
    connectUrl,
    params,
    handlers = {},
    getFrame,
    loadTimeoutMs = 30_000,
    mountTimeoutMs = 5_000,
  } = options;
  if (__DEV__) {
    for (const [name, ms] of [
      ['loadTimeoutMs', loadTimeoutMs],
      ['mountTimeoutMs', mountTimeoutMs],
    ] as const) {
      if (!(ms > 0)) throw invalidOptions(`${name} must be a positive number (got ${ms}).`);
    }
  }
  // Checks the URL and the params now, so that a mistake throws where the options are given.
  const { origin } = new URL(buildConnectUrl(connectUrl, params, ''));
  const landing = params?.redirectUrl ? webUrl(params.redirectUrl) : undefined;
  const tokens = createAuthorizeTokenSource(options.fetchAuthorizeToken, options);
  const { getState, subscribe, set: replace, listeners } = createStore(IDLE);
  const live: LiveSession = { origin, frame: getFrame };
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  // The short wait for APP_MOUNTED once the frame's document has loaded (see frameLoaded).
  let grace: ReturnType<typeof setTimeout> | undefined;
  let stopTokens: (() => void) | undefined;
  let disposed = false;
  // onRedirect fires once per iframe load, from the message or from the landing URL.
  let redirected = false;
  let popups = 0;

  const set = (patch: Partial<ConnectSessionState>): void => replace({ ...getState(), ...patch });
  const stopWatching = (): void => {
    clearTimeout(watchdog);
    clearTimeout(grace);
  };
  const fail = (error: FlinksConnectError): void => {
    stopWatching();
    set({ status: 'error', src: null, error, expiresAt: null, refreshAt: null });
    call(handlers.onError, error);
  };
  const refuse = (data: unknown, reason: RefusedMessageReason): void =>
    call(handlers.onInvalidMessage, data, { reason });

  // The session's state is the token's (less the token itself) plus its iframe's.
  const onTokens = (): void => {
    const { token, ...next } = tokens.getState();
    const state = getState();
    if (next.error) return fail(next.error);
    if (!token) {
      if (next.status !== 'idle') {
        // Loading a replacement: the current iframe, if any, stays until it arrives.
        if (next.status !== state.status) set({ status: next.status });
      } else {
        stopWatching();
        if (state !== IDLE) replace(IDLE);
      }
      return;
    }
    const src = buildConnectUrl(connectUrl, params, token);
    if (src !== state.src) {
      stopWatching();
      watchdog = setTimeout(loadTimedOut, loadTimeoutMs, false);
      redirected = false;
      set({ ...next, src, mounted: false, popupBlocked: 0 });
    } else if (next.used !== state.used || next.status !== state.status) {
      // The same token, now spent, or back to `ready`: credentials submitted while an expiry
      // refresh was in flight keep this load.
      set(next);
    }
  };

  // No APP_MOUNTED in time: after `loadTimeoutMs` from the start of the load, or `mountTimeoutMs`
  // after its document loaded (`afterLoad`: most likely the browser's error page, offline or unreachable).
  function loadTimedOut(afterLoad: boolean): void {
    // The token went into that load: it is spent, never to be replaced for expiry.
    tokens.markUsed();
    fail(
      failure(
        'iframe_load_timeout',
        __DEV__ &&
          (afterLoad
            ? `The Connect frame loaded, but Flinks Connect did not report APP_MOUNTED within ${mountTimeoutMs} ms ` +
              '(mountTimeoutMs): the frame most likely shows an error page. Check the network and the Connect URL.'
            : `Flinks Connect did not report APP_MOUNTED within ${loadTimeoutMs} ms. Check the network, ` +
              'your Content-Security-Policy frame-src (https://*.private.fin.ag) and the Connect URL.'),
      ),
    );
  }

  const redirect = (details: RedirectDetails, event: ConnectEvent): void => {
    redirected = true;
    call(handlers.onEvent, event);
    call(handlers.onRedirect, details, event);
  };

  const onEvent = (event: ConnectEvent): void => {
    const step = event.type === 'step' ? event.step : '';
    if (step === 'APP_MOUNTED') {
      stopWatching();
      if (!getState().mounted) set({ mounted: true });
    }
    if (event.type === 'error' || TOKEN_SPENDING_STEPS.has(step)) tokens.markUsed();
    if (step === 'POPUP_BLOCKED' || (step === 'POPUP_OPENED' && getState().popupBlocked)) {
      set({ popupBlocked: step === 'POPUP_OPENED' ? 0 : ++popups });
    }
    if (step === 'REDIRECT') {
      // The landing URL gave the result already.
      if (redirected) return;
      if (hasUnsafeRedirectUrl(event)) refuse(event.data, 'unsafe_redirect_url');
      const details = redirectDetails(event);
      if (details) return redirect(details, event);
    }
    call(handlers.onEvent, event);
    if (step === 'POPUP_BLOCKED') call(handlers.onPopupBlocked, event);
    if (event.type === 'error') {
      const { flinksCode } = event;
      call(
        handlers.onError,
        failure('flinks_error', __DEV__ && `Flinks Connect reported ${flinksCode}.`, { flinksCode }),
      );
    }
    if (step === 'TOKEN_INVALID') {
      tokens.markUsed();
      fail(
        failure(
          'token_rejected',
          __DEV__ &&
            'Flinks Connect refused the authorize token (unknown, expired or already used). ' +
              'Make sure your token endpoint mints a new token for every request.',
        ),
      );
    }
  };

  // classifyConnectMessage's reading, with the sender decided against every live session.
  const onMessage = ({ origin: from, source, data }: MessageEvent): void => {
    if (from !== origin) return;
    const frame = getFrame();
    if (source == null) {
      // Its frame navigated away before the message was dispatched. Only a session with an iframe
      // on this origin can have sent it; when that is more than this one, none guesses.
      if (frame == null) return;
      let candidates = 0;
      for (const session of liveSessions())
        if (session.origin === origin && session.frame() != null) candidates++;
      if (candidates > 1) return refuse(data, 'ambiguous_source');
    } else if (source !== frame) {
      // Another session's iframe is that session's business; any other window is refused.
      for (const session of liveSessions()) if (session.frame() === source) return;
      return refuse(data, 'other_window');
    }
    const event = readConnectEvent(data);
    if (!event) return refuse(data, 'malformed');
    onEvent(event);
  };

  const stop = (): void => {
    if (!stopTokens) return;
    window.removeEventListener('message', onMessage);
    liveSessions().delete(live);
    // Cleared first: going idle on stop is no status change to report.
    const stopSource = stopTokens;
    stopTokens = reported = undefined;
    stopSource();
  };

  const readLanding = (landing: URL): void => {
    let href: string | undefined;
    try {
      // Readable only once the frame is on the host's own origin; Connect's pages throw here.
      href = (getFrame() as Window | null | undefined)?.location.href;
    } catch {
      return;
    }
    const url = href === undefined ? undefined : webUrl(href);
    if (url?.origin !== landing.origin || url.pathname !== landing.pathname) return;
    const details = urlDetails(url);
    if (!details) return;
    stopWatching();
    tokens.markUsed();
    redirect(details, { type: 'step', step: 'REDIRECT', data: { step: 'REDIRECT', ...details } });
  };

  // onStatusChange: after every change of what it reports (all of it JSON: compared as text), while started.
  let reported: string | undefined;
  subscribe(() => {
    const { status, mounted, used, expiresAt, refreshAt } = getState();
    const next: ConnectStatus = { status, mounted, used, expiresAt, refreshAt };
    const text = JSON.stringify(next);
    if (stopTokens && text !== reported) {
      reported = text;
      call(handlers.onStatusChange, next);
    }
  });

  tokens.subscribe(onTokens);
  return {
    origin,
    getState,
    subscribe,
    start() {
      if (!stopTokens && !disposed) {
        window.addEventListener('message', onMessage);
        liveSessions().add(live);
        stopTokens = tokens.start();
      }
      return stop;
    },
    reload() {
      tokens.refresh(getState().status === 'error' ? 'retry' : 'refresh');
    },
    frameLoaded() {
      if (!stopTokens || !getState().src) return;
      if (landing && !redirected) readLanding(landing);
      // A document loaded but Connect has not said it is up: an error page (offline, unreachable)
      // loads too, so wait only a short grace. Not after APP_MOUNTED, nor once the result is in.
      if (!getState().mounted && !redirected) {
        clearTimeout(grace);
        grace = setTimeout(loadTimedOut, mountTimeoutMs, true);
      }
    },
    dispose() {
      stop();
      disposed = true;
      tokens.dispose();
      listeners.clear();
    },
  };
}

/**
 * App code runs isolated: a callback that throws cannot stop the session's own work, and its error
 * is still reported as an uncaught error (console, `window.onerror`, error trackers), not swallowed.
 */
function call<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args);
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else
      setTimeout(() => {
        throw error;
      });
  }
}
