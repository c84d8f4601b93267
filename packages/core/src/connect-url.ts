import { isTokenParam, type ConnectParams, type UnknownConnectParams } from './connect-params';
import { invalidOptions } from './errors';
import { webUrl } from './messages';
import { warnUnknownParams } from './param-check';

const TOKEN_PARAM = 'authorizeToken';

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

/** Development only: the scheme of a URL that is not http(s), for the message. */
function protocolOf(base: string): string | undefined {
  try {
    return new URL(base).protocol;
  } catch {
    return undefined;
  }
}

/**
 * Checks a Connect base URL and returns it parsed. Only `https:` is accepted, and `http:` on
 * loopback hosts so the local simulator works; an authorize token travels in this URL.
 */
export function parseConnectBase(base: string): URL {
  const url = webUrl(base);
  if (!url || (url.protocol === 'http:' && !LOOPBACK.includes(url.hostname))) {
    const protocol = __DEV__ && protocolOf(base);
    throw invalidOptions(
      __DEV__ &&
        (protocol
          ? `connectUrl must use https: (got "${protocol}"); http: is allowed only for localhost, 127.0.0.1 and [::1].`
          : `connectUrl "${base}" is not an absolute URL: use e.g. "https://toolbox-iframe.private.fin.ag/v2/".`),
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
  if (__DEV__) warnUnknownParams(params);
  return Object.keys(params)
    .sort()
    .flatMap((key): [string, string][] => {
      const value = (params as UnknownConnectParams)[key];
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

/** The authorize token a Connect URL built by `buildConnectUrl` carries (`null` when none). */
export const connectUrlToken = (src: string): string | null =>
  new URL(src, globalThis.document?.baseURI).searchParams.get(TOKEN_PARAM);
