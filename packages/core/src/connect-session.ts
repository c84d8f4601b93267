import { call } from './app-callback';
import { buildConnectUrl } from './connect-url';
import { tellApp, tokenRejected } from './connect-events';
import { takeEarlyMessages } from './early-messages';
import type { FlinksConnectError } from './errors';
import type { ConnectEvent, RedirectDetails } from './events';
import { landingChannel } from './landing-channel';
import { createLoadWatchdog } from './load-watchdog';
import { createMessageRouter } from './message-router';
import { hasUnsafeRedirectUrl, redirectDetails } from './messages';
import type {
  ConnectSession,
  ConnectSessionOptions,
  ConnectSessionState,
  RefusedMessageReason,
} from './session-types';
import { firstToken } from './initial-token';
import { statusReporter } from './status-reporter';
import { createStore } from './store';
import { TOKEN_SPENDING_STEPS } from './token-spending-steps';
import { IDLE, tokenToSrc } from './token-to-src';
import { createAuthorizeTokenSource } from './token-source';

/**
 * One embedded Connect iframe: its tokens, its load watchdog and its messages. Bindings render
 * `getState().src` in an iframe and pass that iframe's window as `getFrame`. Each job is a part
 * of its own (token to src, load watchdog, message router, landing channel, status reporter);
 * this wires them and says what each accepted event means.
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
  const watchdog = createLoadWatchdog(loadTimeoutMs, mountTimeoutMs, (error) => {
    // The token went into that load: it is spent, never to be replaced for expiry.
    tokens.markUsed();
    fail(error);
  });
  // Checks the URL and the params now, so that a mistake throws where the options are given.
  const { origin } = new URL(buildConnectUrl(connectUrl, params, ''));
  const first = firstToken(options.initialToken, options.fetchAuthorizeToken, options);
  const tokens = createAuthorizeTokenSource(first.fetch, options);
  // A first token given as a value is in the first src at once, so that a server renders the
  // iframe and hydration finds the same one (docs/first-token.md). What Connect said before this
  // listened comes from the early-messages script; without it, that load's mount is unknown and
  // no load watchdog runs for it (`adopted`).
  const firstSrc = first.preset ? buildConnectUrl(connectUrl, params, first.preset) : null;
  const {
    getState,
    subscribe,
    set: replace,
    listeners,
  } = createStore(firstSrc ? { ...IDLE, status: 'loading' as const, src: firstSrc } : IDLE);
  let adopted = !!firstSrc;
  // What Connect said before this listened, when the server's HTML kept it (adopted loads only).
  let early: MessageEvent[] | undefined;
  const readLanding = landingChannel(params?.redirectUrl, getFrame);
  // The session's own state, besides its store's and its parts'. `running` (set while started)
  // stops the message router and the token source.
  let running: (() => void) | undefined;
  let disposed = false;
  // onRedirect fired for this iframe load (from the message or the landing URL): once per load.
  let redirected = false;
  // How many POPUP_BLOCKED reports: each gives the notice a new number.
  let popups = 0;

  const set = (patch: Partial<ConnectSessionState>): void => replace({ ...getState(), ...patch });
  const fail = (error: FlinksConnectError): void => {
    watchdog.stop();
    set({ status: 'error', src: null, error, expiresAt: null, refreshAt: null });
    call(handlers.onError, error);
  };
  const redirect = (details: RedirectDetails, event: ConnectEvent): void => {
    redirected = true;
    call(handlers.onEvent, event);
    call(handlers.onRedirect, details, event);
  };
  const refuse = (data: unknown, reason: RefusedMessageReason): void =>
    call(handlers.onInvalidMessage, data, { reason });
  // What an accepted event does to the session; the app hears of it after.
  const onEvent = (event: ConnectEvent): void => {
    const step = event.type === 'step' ? event.step : '';
    if (step === 'APP_MOUNTED') {
      watchdog.stop();
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
    tellApp(handlers, event);
    if (step === 'TOKEN_INVALID') {
      // A first token can be spent already (a page restored from the browser's cache, a back
      // navigation): one more load with a fresh token from the fetcher, no error. Once: the
      // fetcher's own tokens are rejected as usual.
      if (first.inUse()) {
        first.spend();
        // Before the first request (messages from before hydration), that request is the fresh one.
        if (tokens.getState().status !== 'idle') tokens.refresh('retry');
        return;
      }
      tokens.markUsed();
      fail(tokenRejected());
    }
  };
  const listen = createMessageRouter(origin, getFrame, onEvent, refuse);

  tokens.subscribe(() => {
    const next = tokens.getState();
    if (next.error) return fail(next.error);
    const state = tokenToSrc(next, getState(), connectUrl, params);
    if (!state) return;
    if (state.src !== getState().src) {
      redirected = false;
      adopted = false;
      if (state.src) watchdog.start();
      else watchdog.stop();
    }
    replace(state);
  });
  subscribe(
    statusReporter(
      getState,
      () => !!running,
      (status) => call(handlers.onStatusChange, status),
    ),
  );

  const stop = (): void => {
    watchdog.stop();
    const stopRunning = running;
    // Cleared first: going idle on stop is no status change to report.
    running = undefined;
    stopRunning?.();
  };
  return {
    origin,
    firstSrc,
    getState,
    subscribe,
    start() {
      if (!running && !disposed) {
        first.claim();
        const stopTokens = tokens.start();
        // Once: a StrictMode restart must not tell the app the same events twice.
        const replay = adopted && !early ? (early = takeEarlyMessages()) : undefined;
        if (early) adopted = false;
        if (early && !getState().mounted && getState().src === firstSrc) watchdog.start();
        const stopListening = listen(replay);
        running = () => {
          stopListening();
          stopTokens();
        };
      }
      return stop;
    },
    reload() {
      tokens.refresh(getState().status === 'error' ? 'retry' : 'refresh');
    },
    frameLoaded() {
      if (!running || !getState().src) return;
      const landed = !redirected && readLanding?.();
      if (landed) {
        watchdog.stop();
        tokens.markUsed();
        redirect(landed, { type: 'step', step: 'REDIRECT', data: { step: 'REDIRECT', ...landed } });
      }
      // A document loaded but Connect has not said it is up: an error page (offline, unreachable)
      // loads too, so wait only a short grace. Not after APP_MOUNTED, nor once the result is in.
      if (!getState().mounted && !redirected && !adopted) watchdog.loaded();
    },
    dispose() {
      stop();
      disposed = true;
      tokens.dispose();
      listeners.clear();
    },
  };
}
