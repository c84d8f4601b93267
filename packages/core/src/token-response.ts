/** What `fetchAuthorizeToken` may resolve to: the token, or the token with its expiry. */
export type AuthorizeTokenResponse =
  | string
  | {
      token: string;
      /** When the token expires: epoch milliseconds, an ISO date string or a Date. */
      expiresAt?: number | string | Date;
      /** Seconds from the start of the request until the token expires. */
      expiresIn?: number;
    };

export interface ReceivedToken {
  token: string;
  expiresAt: number;
}

/** Names what a value is without ever showing it: it may be a token. */
function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (value === '') return 'an empty string';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return `an object with ${keys.length ? `keys ${keys.slice(0, 8).join(', ')}` : 'no keys'}`;
  }
  return `a ${typeof value}`;
}

/**
 * Checks what the fetcher resolved to and works out when the token expires: `expiresAt` or
 * `expiresIn` from the server, else `startedAt + lifetimeMs`. A string is what was wrong with it,
 * finishing the sentence "fetchAuthorizeToken resolved to ...".
 */
export function readTokenResponse(
  value: unknown,
  startedAt: number,
  lifetimeMs: number,
  now: number,
): ReceivedToken | string {
  const body = typeof value === 'string' ? { token: value } : value;
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || token === '') {
    return (
      `${describe(value)}, not a token. Resolve to the token string or to { token, expiresAt?, expiresIn? }` +
      ' as your server returns it (and throw when the response is not ok)'
    );
  }
  const { expiresAt, expiresIn } = body as { expiresAt?: unknown; expiresIn?: unknown };
  let expiry = startedAt + lifetimeMs;
  if (expiresAt !== undefined) {
    expiry =
      expiresAt instanceof Date
        ? expiresAt.getTime()
        : typeof expiresAt === 'string'
          ? Date.parse(expiresAt)
          : typeof expiresAt === 'number'
            ? expiresAt
            : NaN;
    if (Number.isNaN(expiry)) {
      return `a token with an unreadable expiresAt (${describe(expiresAt)}); use epoch milliseconds, an ISO date string or a Date`;
    }
  } else if (expiresIn !== undefined) {
    if (typeof expiresIn !== 'number' || !(expiresIn > 0)) {
      return `a token with an invalid expiresIn (${describe(expiresIn)}); use a positive number of seconds`;
    }
    expiry = startedAt + expiresIn * 1000;
  }
  if (expiry <= now) {
    return `a token whose expiresAt has already passed${
      expiry < 1e12 ? ' (it looks like seconds since the epoch: multiply by 1000)' : ''
    }; check the server clock`;
  }
  return { token, expiresAt: expiry };
}
