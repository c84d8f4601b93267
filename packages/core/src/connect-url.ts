import { invalidOptions } from './errors';

type Bool = boolean;

/**
 * Flinks Connect customization parameters. Every parameter Flinks documents is typed; others
 * (new or undocumented ones) pass through as strings, numbers or booleans. Booleans are sent as
 * `true` / `false`, and `undefined` values are left out.
 */
export interface ConnectParams {
  /** Shows the sandbox test bank "Flinks Capital". Sandbox only. */
  demo?: Bool | undefined;
  demoOutbound?: Bool | undefined;
  language?: 'en' | 'fr' | (string & {}) | undefined;
  /** Where Flinks sends the user on success; it appends `loginId`, `institution`, and `tag`/`accountId`. */
  redirectUrl?: string | undefined;
  /** Redirect inside the iframe instead of the top window. */
  innerRedirect?: Bool | undefined;
  /** The default differs between Flinks doc versions: set it explicitly. */
  consentEnable?: Bool | undefined;
  closeEnable?: Bool | undefined;
  headerEnable?: Bool | undefined;
  headerImgEnable?: Bool | undefined;
  backEnable?: Bool | undefined;
  staticLoadingEnable?: Bool | undefined;
  removePadding?: Bool | undefined;
  institutionFilterEnable?: Bool | undefined;
  theme?: 'light' | 'dark' | (string & {}) | undefined;
  desktopLayout?: Bool | undefined;
  fixedHeightEnable?: Bool | undefined;
  boxLayout?: Bool | undefined;
  loadingType?: 'dots' | 'progressbar' | (string & {}) | undefined;
  customerName?: string | undefined;
  /** Hex colour without `#`, e.g. `1f2937`. */
  backgroundColor?: string | undefined;
  /** Hex colour without `#`, e.g. `2563eb`. */
  foregroundColor1?: string | undefined;
  tag?: string | undefined;
  /** Events arrive as JSON strings; the parser accepts both shapes either way. */
  stringify?: Bool | undefined;
  termsUrl?: string | undefined;
  accountSelectorMultiple?: Bool | undefined;
  accountSelectorNoTitle?: Bool | undefined;
  scheduleRefresh?: Bool | undefined;
  enhancedMFA?: Bool | undefined;
  skipEnhancedMFA?: Bool | undefined;
  /** Resume an earlier session. */
  requestId?: string | undefined;
  resumeSelectedAccounts?: Bool | undefined;
  oauthWindowRedirect?: Bool | undefined;
  // Seen only in third-party production URLs: typed, semantics unconfirmed by Flinks docs.
  accountSelectorEnable?: Bool | undefined;
  accountSelectorCurrency?: 'cad' | 'usd' | (string & {}) | undefined;
  showAllAccounts?: Bool | undefined;
  daysOfTransactions?: 'Days90' | 'Days365' | (string & {}) | undefined;
  detailsAndStatementEnable?: Bool | undefined;
  monthsOfStatements?: 'Months12' | 'MostRecent' | (string & {}) | undefined;
  maximumRetry?: number | undefined;
  withTransactions?: Bool | undefined;
  jsRedirect?: Bool | undefined;
  webview?: Bool | undefined;
  /** The token is added by the library, once per iframe load; it cannot be set here. */
  authorizeToken?: never;
  [param: string]: string | number | boolean | undefined;
}

const TOKEN_PARAM = 'authorizeToken';

/** `AuthorizeToken`, `AUTHORIZETOKEN`…: a server that reads names case-insensitively takes either. */
const isTokenParam = (name: string): boolean => name.toLowerCase() === 'authorizetoken';
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/** `https://{instance}-iframe.private.fin.ag/v2/`, e.g. `toolbox` for the sandbox. */
export function connectUrlForInstance(instance: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(instance)) {
    throw invalidOptions(
      __DEV__ &&
        `Invalid Flinks instance name "${instance}": use the name Flinks gave you (letters, digits and dashes, such as "toolbox"), or pass connectUrl instead.`,
    );
  }
  return `https://${instance}-iframe.private.fin.ag/v2/`;
}

/**
 * Checks a Connect base URL and returns it parsed. Only `https:` is accepted, and `http:` on
 * loopback hosts so the local simulator works; an authorize token travels in this URL.
 */
export function parseConnectBase(base: string): URL {
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw invalidOptions(
      __DEV__ &&
        `connectUrl "${base}" is not an absolute URL: use e.g. "https://toolbox-iframe.private.fin.ag/v2/".`,
    );
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.includes(url.hostname))) {
    throw invalidOptions(
      __DEV__ &&
        `connectUrl must use https: (got "${url.protocol}"); http: is allowed only for localhost, 127.0.0.1 and [::1].`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw invalidOptions(
      __DEV__ &&
        'connectUrl must not contain a user name or password ("user:pass@"): browsers never load such a URL in a frame, so every try would spend a token on a blank box. Remove them, e.g. "https://toolbox-iframe.private.fin.ag/v2/".',
    );
  }
  if ([...url.searchParams.keys()].some(isTokenParam)) {
    throw invalidOptions(
      __DEV__ &&
        'connectUrl must not contain authorizeToken: the library adds a fresh token to every iframe load.',
    );
  }
  return url;
}

/** Sorted, defined entries: the identity of a set of params, independent of key order. */
export function paramEntries(params: ConnectParams = {}): [string, string][] {
  return Object.keys(params)
    .sort()
    .flatMap((key): [string, string][] => {
      const value = params[key];
      if (value === undefined) return [];
      if (isTokenParam(key)) {
        throw invalidOptions(
          __DEV__ &&
            `Do not pass authorizeToken in params (got "${key}"): the library fetches a fresh one for every iframe load with fetchAuthorizeToken.`,
        );
      }
      if (__DEV__ && (typeof value === 'object' || typeof value === 'function')) {
        throw invalidOptions(`params.${key} must be a string, number or boolean.`);
      }
      return [[key, String(value)]];
    });
}

/** The iframe `src`: the base (keeping its own query), the params, and the token exactly once. */
export function buildConnectUrl(
  base: string,
  params: ConnectParams | undefined,
  authorizeToken: string,
): string {
  const url = parseConnectBase(base);
  for (const [key, value] of paramEntries(params)) url.searchParams.set(key, value);
  url.searchParams.set(TOKEN_PARAM, authorizeToken);
  return url.href;
}
