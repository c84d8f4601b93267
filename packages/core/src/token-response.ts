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

/** When the server says the token expires, in epoch milliseconds; `NaN` when it cannot be read. */
const timeOf = (expiresAt: unknown): number =>
  expiresAt instanceof Date
    ? expiresAt.getTime()
    : typeof expiresAt === 'string'
      ? Date.parse(expiresAt)
      : typeof expiresAt === 'number'
        ? expiresAt
        : NaN;

/**
 * Checks what the fetcher resolved to and works out when the token expires: `expiresAt` or
 * `expiresIn` from the server, else `startedAt + lifetimeMs`. Anything else is not a token: a
 * string finishing the sentence "fetchAuthorizeToken resolved to ..." in development, `false` in
 * production.
 */
export function readTokenResponse(
  value: unknown,
  startedAt: number,
  lifetimeMs: number,
  now: number,
): ReceivedToken | string | false {
  const body = typeof value === 'string' ? { token: value } : value;
  const token = (body as { token?: unknown } | null)?.token;
  if (typeof token !== 'string' || token === '') {
    return (
      __DEV__ &&
      `${describe(value)}, not a token. Resolve to the token string or to { token, expiresAt?, expiresIn? }` +
        ' as your server returns it (and throw when the response is not ok)'
    );
  }
  const { expiresAt, expiresIn } = body as { expiresAt?: unknown; expiresIn?: unknown };
  const expiry =
    expiresAt !== undefined
      ? timeOf(expiresAt)
      : expiresIn === undefined
        ? startedAt + lifetimeMs
        : typeof expiresIn === 'number'
          ? startedAt + expiresIn * 1000
          : NaN;
  // One comparison rejects them all (NaN included); development builds then say which it was.
  if (expiry > now) return { token, expiresAt: expiry };
  // A past expiresAt in milliseconds means this device's clock is off (a wrong time zone setting
  // puts it hours ahead), not that the server minted a dead token: time the token from the request.
  if (expiresAt !== undefined && expiry >= 1e12) return { token, expiresAt: startedAt + lifetimeMs };
  return __DEV__ && explainExpiry(expiry, expiresAt, expiresIn);
}

function explainExpiry(expiry: number, expiresAt: unknown, expiresIn: unknown): string {
  if (expiresAt !== undefined && Number.isNaN(expiry)) {
    return `a token with an unreadable expiresAt (${describe(expiresAt)}); use epoch milliseconds, an ISO date string or a Date`;
  }
  if (expiresAt === undefined && (typeof expiresIn !== 'number' || !(expiresIn > 0))) {
    return `a token with an invalid expiresIn (${describe(expiresIn)}); use a positive number of seconds`;
  }
  return 'a token whose expiresAt looks like seconds since the epoch: send milliseconds (multiply by 1000)';
}
