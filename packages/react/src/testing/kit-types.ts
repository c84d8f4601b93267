import type {
  FetchAuthorizeToken,
  KnownFlinksCode,
  KnownStep,
  RedirectDetails,
  TokenRequestReason,
} from '@flinks-embed/core';
import type { CompleteFlowOptions, StepPayload } from './flow';

/** How long `findFrame` waits by default: well inside Vitest's and Jest's 5 s test timeout. */
export const DEFAULT_FIND_TIMEOUT_MS = 2000;

export interface ConnectKitOptions {
  /**
   * The Flinks instance the app embeds (default `toolbox`): the kit watches for iframes on
   * `https://{instance}-iframe.private.fin.ag` and posts from that origin.
   */
  instance?: string;
  /**
   * Or the Connect URL the app passes as `connectUrl` (the simulator's, a staging instance's); its
   * origin is the one the kit watches and posts from. Takes precedence over `instance`.
   */
  connectUrl?: string;
  /**
   * The app's own token endpoint. While the kit is active, a `fetch` to this URL (resolved
   * against the page) is answered with `{ token, expiresIn }` and a fresh single-use token;
   * every other request goes to the real `fetch`.
   */
  tokenEndpoint?: string;
  /** The `expiresIn` the kit's tokens carry, in seconds. Default 1,800 (Flinks' 30 minutes). */
  tokenLifetimeSeconds?: number;
  /**
   * Wraps each message the kit posts, so React applies the state updates it causes before `emit`
   * returns. Default: React's `act` (React 18.3+ and 19). On React 18.0-18.2 pass the `act` of
   * `react-dom/test-utils` or of `@testing-library/react`.
   */
  act?: (callback: () => void) => void;
  /**
   * How long `findFrame` waits for a Connect iframe (real timers). Default 2,000 ms, so its own
   * error, which says what it saw instead, shows before the test runner's 5 s timeout.
   */
  findTimeoutMs?: number;
}

/** Which Connect iframe a message comes from, when the page has several. Default: the only one. */
export interface FrameTarget {
  iframe?: HTMLIFrameElement;
}

/** One iframe load the kit saw: the element, its `src` and the token in it. */
export interface ConnectLoad {
  readonly iframe: HTMLIFrameElement;
  readonly src: string;
  /** The `authorizeToken` in `src` (`null`: the app loaded Connect without a token). */
  readonly token: string | null;
}

/** A token request the kit answered: through `fetchAuthorizeToken` (with its reason) or the endpoint. */
export interface TokenRequest {
  readonly via: 'fetcher' | 'endpoint';
  readonly reason?: TokenRequestReason;
  /** The token the kit answered with, or `null` when the request was failed on purpose. */
  readonly token: string | null;
}

export interface ConnectKit {
  /** A fetcher issuing single-use tokens, for apps that take one as a prop. */
  readonly fetchAuthorizeToken: FetchAuthorizeToken;
  /** The Connect origin the kit posts from. */
  readonly origin: string;
  /** Every token request the kit answered, oldest first. */
  readonly tokenRequests: readonly TokenRequest[];
  /** Every Connect iframe load the app made, oldest first. */
  readonly loads: readonly ConnectLoad[];
  /** The token of every load, oldest first: a token listed twice was loaded twice. */
  readonly tokensLoaded: readonly (string | null)[];
  /** Tokens the app loaded into more than one iframe load (Flinks refuses the second). */
  readonly reusedTokens: readonly string[];
  /** The Connect iframe on the page (throws when there is none or several: pass `{ iframe }` then). */
  readonly iframe: HTMLIFrameElement;
  /** That iframe's `src`. */
  readonly src: string;
  /** The `authorizeToken` in that `src`. */
  readonly token: string;
  /** Every Connect iframe on the page now. */
  frames(): HTMLIFrameElement[];
  /**
   * Waits (with real timers, up to `findTimeoutMs`) until a Connect iframe with a token is on the
   * page, and returns it; else rejects, naming the iframes it saw on other origins.
   */
  findFrame(): Promise<HTMLIFrameElement>;
  /** Posts a step event from the Connect frame: `emit('APP_MOUNTED')`, `emit('INSTITUTION_SELECTED', { institution })`. */
  emit(step: KnownStep, payload?: StepPayload, target?: FrameTarget): void;
  /** Posts an error-code event from the Connect frame: `emitError('INVALID_LOGIN')`. */
  emitError(flinksCode: KnownFlinksCode, payload?: StepPayload, target?: FrameTarget): void;
  /**
   * Posts anything as a `message` event on the page: by default from the Connect origin and the
   * iframe's window, as Connect would; `origin` and `source` let a test play an impostor.
   */
  post(data: unknown, options?: FrameTarget & { origin?: string; source?: Window | null }): void;
  /**
   * The documented happy path, from `APP_MOUNTED` (unless already posted for this load) to
   * `REDIRECT` with `loginId`. Returns what `onRedirect` should receive.
   */
  completeFlow(options: CompleteFlowOptions & FrameTarget): RedirectDetails;
  /** Makes the next `count` token requests fail (the endpoint answers `status`, the fetcher rejects). */
  failTokenRequests(count: number, status?: number): void;
  /** Throws when the app broke a token rule: a token loaded twice, or a token the kit never issued. */
  verify(): void;
  /** Stops watching the page and restores `fetch`. */
  dispose(): void;
}
