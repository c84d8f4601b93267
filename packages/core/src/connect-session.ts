import { buildConnectUrl, type ConnectParams } from './connect-url';
import { failure, invalidOptions, type FlinksConnectError } from './errors';
import type { ConnectEvent, KnownStep, RedirectDetails } from './events';
import { classifyConnectMessage, redirectDetails } from './messages';
import type { AuthorizeTokenOptions } from './options';
import { createStore } from './store';
import { createAuthorizeTokenSource, type FetchAuthorizeToken } from './token-source';

/** Callbacks, read when they fire: a binding may swap them without touching the session. */
export interface ConnectSessionHandlers {
  /** Every event from this session's iframe. */
  onEvent?: ((event: ConnectEvent) => void) | undefined;
  /** The user linked an account. */
  onRedirect?: ((details: RedirectDetails, event: ConnectEvent) => void) | undefined;
  /** Token failures, load timeouts, token rejections and Flinks error codes. */
  onError?: ((error: FlinksConnectError) => void) | undefined;
  /** A message from this session's iframe that is not a Connect event. */
  onInvalidMessage?: ((data: unknown) => void) | undefined;
}

export interface ConnectSessionOptions extends AuthorizeTokenOptions {
  /** The Connect base URL, e.g. `connectUrlForInstance('toolbox')`. */
  connectUrl: string;
  params?: ConnectParams | undefined;
  fetchAuthorizeToken: FetchAuthorizeToken;
  /** How long to wait for `APP_MOUNTED` after an iframe load starts. Default 30,000. */
  loadTimeoutMs?: number | undefined;
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

const IDLE: ConnectSessionState = { status: 'idle', src: null, error: null, used: false, mounted: false };

/**
 * One embedded Connect iframe: its tokens, its load watchdog and its messages. Bindings render
 * `getState().src` in an iframe and pass that iframe's window as `getFrame`.
 */
export function createConnectSession(options: ConnectSessionOptions): ConnectSession {
  const { connectUrl, params, handlers = {}, getFrame, loadTimeoutMs = 30_000 } = options;
  if (__DEV__ && !(loadTimeoutMs > 0)) {
    throw invalidOptions(`loadTimeoutMs must be a positive number (got ${loadTimeoutMs}).`);
  }
  // Checks the URL and the params now, so that a mistake throws where the options are given.
  const { origin } = new URL(buildConnectUrl(connectUrl, params, ''));
  const tokens = createAuthorizeTokenSource(options.fetchAuthorizeToken, options);
  const { getState, subscribe, set: replace, listeners } = createStore(IDLE);
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let stopTokens: (() => void) | undefined;

  const set = (patch: Partial<ConnectSessionState>): void => replace({ ...getState(), ...patch });
  const fail = (error: FlinksConnectError): void => {
    clearTimeout(watchdog);
    set({ status: 'error', src: null, error });
    handlers.onError?.(error);
  };

  const onTokens = (): void => {
    const { status, token, error, used } = tokens.getState();
    const state = getState();
    if (error) return fail(error);
    if (token) {
      const src = buildConnectUrl(connectUrl, params, token);
      if (src === state.src) {
        if (used !== state.used) set({ used });
        return;
      }
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        // The token went into that load: it is spent, never to be replaced for expiry.
        tokens.markUsed();
        fail(
          failure(
            'iframe_load_timeout',
            __DEV__ &&
              `Flinks Connect did not report APP_MOUNTED within ${loadTimeoutMs} ms. Check the network, ` +
                'your Content-Security-Policy frame-src (https://*.private.fin.ag) and the Connect URL.',
          ),
        );
      }, loadTimeoutMs);
      set({ status, src, error: null, used, mounted: false });
    } else if (status === 'idle') {
      clearTimeout(watchdog);
      if (state !== IDLE) replace(IDLE);
    } else if (status !== state.status) set({ status });
  };

  const onMessage = (message: MessageEvent): void => {
    const result = classifyConnectMessage(message, { origin, source: getFrame() });
    if (result.kind === 'invalid') handlers.onInvalidMessage?.(result.data);
    if (result.kind !== 'event') return;
    const { event } = result;
    const step = event.type === 'step' ? event.step : '';
    if (step === 'APP_MOUNTED') {
      clearTimeout(watchdog);
      if (!getState().mounted) set({ mounted: true });
    }
    if (event.type === 'error' || TOKEN_SPENDING_STEPS.has(step)) tokens.markUsed();
    handlers.onEvent?.(event);
    const details = redirectDetails(event);
    if (details) handlers.onRedirect?.(details, event);
    if (event.type === 'error') {
      const { flinksCode } = event;
      handlers.onError?.(
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

  const stop = (): void => {
    if (!stopTokens) return;
    window.removeEventListener('message', onMessage);
    stopTokens();
    stopTokens = undefined;
  };

  tokens.subscribe(onTokens);
  return {
    origin,
    getState,
    subscribe,
    start() {
      if (!stopTokens) {
        window.addEventListener('message', onMessage);
        stopTokens = tokens.start();
      }
      return stop;
    },
    reload() {
      tokens.refresh(getState().status === 'error' ? 'retry' : 'refresh');
    },
    dispose() {
      stop();
      tokens.dispose();
      listeners.clear();
    },
  };
}
