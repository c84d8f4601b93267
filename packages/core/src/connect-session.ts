import { call } from './app-callback';
import { buildConnectUrl } from './connect-url';
import { tellApp, tokenRejected } from './connect-events';
import { takeEarlyMessages } from './early-messages';
import type { FlinksConnectError } from './errors';
import type { ConnectEvent, RedirectDetails } from './events';
import { landingChannel } from './landing-channel';
import { logError } from './error-log';
import { createLoadWatchdog } from './load-watchdog';
import { createMessageRouter } from './message-router';
import { hasUnsafeRedirectUrl, payloadDetails } from './messages';
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
import { tokenRequests } from './token-source';

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
  const watchdog = createLoadWatchdog(loadTimeoutMs, mountTimeoutMs, fail);
  // Checks the URL and the params now, so that a mistake throws where the options are given.
  const { origin } = new URL(buildConnectUrl(connectUrl, params, ''));
  const first = firstToken(options.initialToken, options.fetchAuthorizeToken, options);
  const tokens = tokenRequests(first.fetch, options, (next) => {
    if (next.error) return fail(next.error);
    const change = tokenToSrc(next, getState(), connectUrl, params);
    if (change?.src) {
      redirected = adopted = false;
      watchdog.start();
    }
    if (change) set(change);
  });
  // A first token given as a value is in the first src at once, so that a server renders the
  // iframe and hydration finds the same one (docs/first-token.md).
  const firstSrc = first.preset ? buildConnectUrl(connectUrl, params, first.preset) : null;
  const {
    getState,
    subscribe,
    set: replace,
    listeners,
  } = createStore(firstSrc ? { ...IDLE, status: 'loading' as const, src: firstSrc } : IDLE);
  const readLanding = landingChannel(params?.redirectUrl, getFrame);
  // The session's own state, besides its store's and its parts'. `running` (set while started)
  // stops the message router, the status reporter and the token source.
  let running: (() => void)[] | undefined;
  let disposed = false;
  // onRedirect fired for this iframe load (from the message or the landing URL): once per load.
  let redirected = false;
  // How many POPUP_BLOCKED reports: each gives the notice a new number.
  let popups = 0;
  // The first load is a server-rendered iframe: Connect may have mounted before this listened, so
  // no load watchdog runs for it unless the early messages say what it did.
  let adopted = !!firstSrc;

  const set = (patch: Partial<ConnectSessionState>): void => replace({ ...getState(), ...patch });
  // Hoisted: the watchdog reports through it.
  function fail(error: FlinksConnectError): void {
    // A token that went into this load is spent, never to be replaced for expiry.
    tokens.markUsed();
    watchdog.stop();
    set({ status: 'error', src: null, error, expiresAt: null, refreshAt: null });
    if (__DEV__) logError(handlers, error);
    call(handlers.onError, error);
  }
  const redirect = (details: RedirectDetails, event: ConnectEvent): void => {
    redirected = true;
    tellApp(handlers, event);
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
      const details = payloadDetails(event.data);
      if (details) return redirect(details, event);
    }
    tellApp(handlers, event);
    if (step === 'TOKEN_INVALID') {
      // A first token can be spent already (a page restored from the browser's cache, a back
      // navigation): one more load with a fresh token from the fetcher, no error. Once: the
      // fetcher's own tokens are rejected as usual.
      if (!first.spend()) return fail(tokenRejected());
      // Ignored before the token source starts (messages from before hydration, replayed first):
      // its first request is then the fresh one.
      tokens.refresh('retry');
    }
  };
  const listen = createMessageRouter(origin, getFrame, onEvent, refuse);

  const stop = (): void => {
    // In order: the reporter is gone before the token source goes idle, which is no change to report.
    running?.forEach((stopPart) => stopPart());
    running = undefined;
    watchdog.stop();
  };
  return {
    origin,
    firstSrc,
    getState,
    subscribe,
    start(fresh) {
      if (!running && !disposed) {
        first.claim();
        // What Connect said before this listened, kept by the server's HTML (the early-messages
        // script), replayed before the token source starts. Taken once per page (takeEarlyMessages),
        // so a StrictMode restart never tells the app the same events twice. The script runs with
        // the server's HTML, before any session starts: the start that finds them is this
        // session's first, nothing has loaded or mounted yet, and the watchdog starts for the load.
        // A first iframe the binding created itself (`fresh`: a client render, a client-side
        // navigation) cannot have been heard from yet: watched like any load, and the early
        // messages, if any, are another frame's.
        const replay = adopted ? (fresh ? [] : takeEarlyMessages()) : undefined;
        if (replay) {
          adopted = false;
          watchdog.start();
        }
        running = [listen(replay), subscribe(statusReporter(getState, handlers)), tokens.start()];
      }
      return stop;
    },
    reload() {
      tokens.refresh(getState().status === 'error' ? 'retry' : 'refresh');
    },
    frameLoaded() {
      // No iframe while stopped; nothing to wait for once the result is in.
      if (!getState().src || redirected) return;
      const landed = readLanding?.();
      if (landed) {
        watchdog.stop();
        tokens.markUsed();
        redirect(landed, { type: 'step', step: 'REDIRECT', data: { step: 'REDIRECT', ...landed } });
      } else if (!getState().mounted && !adopted) {
        // A document loaded but Connect has not said it is up: an error page (offline,
        // unreachable) loads too, so wait only a short grace. Not after APP_MOUNTED, nor for an
        // adopted load whose mount is unknown.
        watchdog.loaded();
      }
    },
    dispose() {
      stop();
      disposed = true;
      listeners.clear();
    },
  };
}
