/** What `fetchAuthorizeToken` may resolve to: the token, or the token with its expiry. */
export type AuthorizeTokenResponse =
  | string
  | {
      token: string;
      /**
       * When the token expires, on the server's clock: epoch milliseconds, an ISO date string or a
       * Date. Device clocks are often off by hours, so it is checked but not used for timing: a
       * token with only `expiresAt` lives `tokenLifetimeMs` from the start of the request.
       */
      expiresAt?: number | string | Date;
      /** Seconds from the start of the request until the token expires: preferred, as no clock skew can touch it. */
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
 * Checks what the fetcher resolved to and works out when the token expires, on this device's clock.
 * Anything else is not a token: a string finishing the sentence "fetchAuthorizeToken resolved to
 * ..." in development, `false` in production.
 *
 * Device clocks are often wrong by minutes or hours, so a server's absolute `expiresAt` cannot be
 * compared with this device's clock: `expiresIn` (relative, seconds) is timed from `startedAt`, and
 * a token with only `expiresAt` (or neither) lives `lifetimeMs` from `startedAt`. That way no clock
 * skew can refresh a token more than once per lifetime, nor later than `startedAt + lifetimeMs`.
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
  if (expiresIn !== undefined) {
    const expiry = typeof expiresIn === 'number' && expiresIn > 0 ? startedAt + expiresIn * 1000 : NaN;
    if (expiry > now) return { token, expiresAt: expiry };
    return (
      __DEV__ &&
      (expiry <= now
        ? `a token whose expiresIn (${expiresIn} s) ran out before the request settled`
        : `a token with an invalid expiresIn (${describe(expiresIn)}); use a positive number of seconds`)
    );
  }
  // Checked for its form only (a mistake there is worth an error), then timed as above.
  if (expiresAt !== undefined && !(timeOf(expiresAt) >= 1e12)) return __DEV__ && explainExpiresAt(expiresAt);
  return { token, expiresAt: startedAt + lifetimeMs };
}

function explainExpiresAt(expiresAt: unknown): string {
  return Number.isNaN(timeOf(expiresAt))
    ? `a token with an unreadable expiresAt (${describe(expiresAt)}); use epoch milliseconds, an ISO date string or a Date`
    : 'a token whose expiresAt looks like seconds since the epoch: send milliseconds (multiply by 1000)';
}
