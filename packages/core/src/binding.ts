// The binding contract: what <FlinksConnect>, mountFlinksConnect and <flinks-connect> share. Each
// binding maps it to its own idiom (props and refs, options, attributes and properties) and adds
// no rule of its own.
import type { ConnectParams } from './connect-params';
import { connectUrlForInstance } from './connect-url';
import { invalidOptions, type FlinksConnectError } from './errors';
import type { InitialToken } from './initial-token';
import type { FlinksConnectLabels } from './labels';
import type { AuthorizeTokenOptions } from './options';
import type { ConnectSessionHandlers } from './session-types';
import type { FetchAuthorizeToken } from './token-source';

/** Where Connect is served from: exactly one of `instance` and `connectUrl`. */
export type ConnectTarget =
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

/** What a binding's error fallback is given. */
export interface ErrorFallbackProps {
  /** What went wrong; branch on `error.code`. */
  error: FlinksConnectError;
  /** Starts again: a fresh token and a fresh iframe load. */
  retry: () => void;
  /** The words for `params.language`, with `labels` applied. */
  labels: FlinksConnectLabels;
}

/** What a binding's `popupBlockedNotice` is given. */
export interface PopupBlockedNoticeProps {
  /** Hides the notice (until Connect reports the next blocked pop-up). */
  dismiss: () => void;
  /** The words for `params.language`, with `labels` applied. */
  labels: FlinksConnectLabels;
}

/** The options every binding takes besides the target, and what each means. */
export interface ConnectBindingOptions extends AuthorizeTokenOptions, ConnectSessionHandlers {
  /**
   * Asks *your* server for a fresh authorize token; called once per iframe load. Resolve to the
   * token or to `{ token, expiresAt?, expiresIn? }`, and honour `signal`. A new function (on
   * every render, say) is fine: the latest one is called.
   */
  fetchAuthorizeToken: FetchAuthorizeToken;
  /**
   * A token minted before this mounted, for the first iframe load only: your server's answer
   * (`{ token, expiresIn?, expiresAt? }`, minted while it rendered the page) or a promise of it
   * (`prefetchAuthorizeToken`). Never used for a second load: expiry, retry, a remount or a params
   * change ask `fetchAuthorizeToken`. Its age is bounded by the page's own clock, so an unused one
   * is replaced in time. If Connect rejects it (already spent: a restored or back-navigated page),
   * the iframe loads once more with a fresh token, without an error. `null` (a failed mint), a
   * rejected promise or an expired token fall back to the fetcher. Given as a value during server
   * rendering, the iframe is in the server's HTML and hydration adopts it; send such pages with
   * `Cache-Control: private, no-store`, per user, per request.
   */
  initialToken?: InitialToken | null | undefined;
  /**
   * Connect customization parameters (`language`, `consentEnable`, `redirectUrl`, ...). Compared
   * by value: an equal object changes nothing, a different one loads the iframe again with a
   * fresh token.
   */
  params?: ConnectParams | undefined;
  /**
   * Any of the words drawn around Connect (`title`, `loading`, `error`, `retry`, `popupBlocked`,
   * `dismiss`), over the defaults for `params.language` (English, or French for `'fr'`).
   */
  labels?: Partial<FlinksConnectLabels> | undefined;
  /** The iframe's accessible name, over `labels.title`. Default `"Connect your bank account"`, or French for `language: 'fr'`. */
  title?: string | undefined;
  /** How long to wait for Connect to report `APP_MOUNTED` before showing a load error. Default 30,000. */
  loadTimeoutMs?: number | undefined;
  /**
   * How long to wait for `APP_MOUNTED` once the frame's document has loaded, before the same
   * `iframe_load_timeout`: the browser's error page (offline, Connect unreachable) loads too.
   * Default 5,000.
   */
  mountTimeoutMs?: number | undefined;
}

/**
 * The Connect base URL of a target; `binding` names the caller in the error. Thrown where the
 * options are given.
 */
export function resolveConnectUrl(
  { instance, connectUrl }: { instance?: string | null | undefined; connectUrl?: string | null | undefined },
  binding: string,
): string {
  if ((instance == null) === (connectUrl == null)) {
    throw invalidOptions(
      __DEV__ &&
        `${binding} needs exactly one of instance (such as "toolbox") and connectUrl; it got ${
          instance == null ? 'neither' : 'both'
        }.`,
    );
  }
  return connectUrl ?? connectUrlForInstance(instance!);
}

/**
 * The token options by value, for a JSON key: `now` is left out because it is read when called.
 * (`retry` goes in as written; an inline object keeps its key order from render to render.)
 */
export const tokenOptionsKey = ({
  tokenLifetimeMs,
  refreshMarginMs,
  fetchTimeoutMs,
  retry,
}: AuthorizeTokenOptions): unknown[] => [tokenLifetimeMs, refreshMarginMs, fetchTimeoutMs, retry];

/**
 * What an iframe load is made of: the base URL, the params (by value: `paramEntries`, or a key a
 * binding derived from them) and the token and load options. A binding keeps its session while
 * this text holds, and makes a new one (a new iframe, a fresh token) when it changes; callbacks
 * are not in it, so a new one never reloads.
 */
export const sessionKey = (
  connectUrl: string,
  params: unknown,
  options: AuthorizeTokenOptions & Pick<ConnectBindingOptions, 'loadTimeoutMs' | 'mountTimeoutMs'>,
): string =>
  JSON.stringify([
    connectUrl,
    params,
    options.loadTimeoutMs,
    options.mountTimeoutMs,
    tokenOptionsKey(options),
  ]);

/**
 * The iframe's attributes before the binding's own: its size as presentational hints, not inline
 * style, so any CSS wins.
 */
export const IFRAME_ATTRIBUTES = { allow: 'clipboard-write; fullscreen', width: '100%', height: '760' };

/**
 * The iframe's `name`, new for every token: when the Back button does not restore the page from
 * the browser's cache, Chromium reloads each frame's previous URL (a spent token) into the frame
 * it matches by name; a name the last page never had matches nothing. Derived from `src`, so a
 * server and a hydrating browser write the same one. (FNV-1a; not secret: the frame has the token.)
 */
export const frameName = (src: string): string => {
  let hash = 2166136261;
  for (let i = 0; i < src.length; i++) hash = Math.imul(hash ^ src.charCodeAt(i), 16777619);
  return `flinks-connect-${(hash >>> 0).toString(36)}`;
};

/** The iframe's inline style, under the binding's own. */
export const IFRAME_STYLE = { border: '0' };

/**
 * The one way a binding hands core its callbacks: `read()` returns the binding's latest options
 * whenever core calls one, so a new fetcher, clock or handler never rebuilds a session or a
 * token source. `given` is the fetcher passed now: one that is not a function goes to core as
 * is, so that its error is thrown where the options are given.
 */
export function latestCallbacks(
  given: unknown,
  read: () => Pick<ConnectBindingOptions, 'fetchAuthorizeToken' | 'now'>,
): { fetchAuthorizeToken: FetchAuthorizeToken; now: () => number } {
  return {
    fetchAuthorizeToken:
      typeof given === 'function'
        ? (context) => read().fetchAuthorizeToken(context)
        : (given as FetchAuthorizeToken),
    now: () => (read().now ?? Date.now)(),
  };
}

/**
 * A live view of a binding's options: every property read goes to `read()`, so core, holding
 * this one object for a session's life, reads each handler (and a binding each drawn option)
 * when it is used. Spread, it has the keys of the options it was made with.
 */
export const latestOptions = <T extends object>(read: () => T): T =>
  // A copy for the keys: React freezes props, and a proxy of a frozen object must return its values.
  new Proxy({ ...read() }, { get: (_, name) => read()[name as keyof T] });
