import { FlinksConfigError } from './errors';

export interface FlinksClientCommonOptions {
  /** Your Flinks customerId (a GUID). */
  readonly customerId: string;
  /** Your secret key. Server-side only: it is sent to GenerateAuthorizeToken and nowhere else. */
  readonly secretKey: string;
  /**
   * Your `x-api-key`, when Flinks enabled it on your instance: sent to the data endpoints
   * (GetAccountsDetail, …, DeleteCard) and nowhere else. Without it, no such header is sent.
   */
  readonly apiKey?: string;
  /** The fetch to use. Default: the global `fetch` (Node 18+, Bun, Deno, edge runtimes). */
  readonly fetch?: typeof fetch;
  /**
   * How long one call to Flinks may take, in milliseconds. Default 10,000: shorter than the
   * browser's 15 s token fetch timeout, so the browser gets a clean 502 instead of its own timeout.
   */
  readonly timeoutMs?: number;
  /**
   * How long one HTTP request to a data endpoint may take, in milliseconds. Default 240,000:
   * Flinks answers a synchronous GetAccountsDetail within 210 s before it switches to 202
   * OPERATION_DISPATCHED, so a shorter limit would cut off answers that were on their way. A
   * timed-out request is retried like a 5xx, within the call's `maxWaitMs`.
   */
  readonly dataTimeoutMs?: number;
  /** How long Flinks keeps an unused token valid; sets `expiresAt`. Default 30 minutes. */
  readonly tokenLifetimeMs?: number;
  /** The clock for `expiresAt`, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number;
}

/**
 * Where Flinks is: an `instance` name (`toolbox` for the sandbox, or yours, like `acme-ca`), or a
 * `baseUrl` that replaces `https://{instance}-api.private.fin.ag` (the simulator's `apiBaseUrl`).
 */
export type FlinksTarget =
  | { readonly instance: string; readonly baseUrl?: string }
  | { readonly instance?: string; readonly baseUrl: string };

export type FlinksClientOptions = FlinksTarget & FlinksClientCommonOptions;

export interface ClientConfig {
  readonly instance: string | undefined;
  readonly customerId: string;
  readonly secretKey: string;
  readonly apiKey: string | undefined;
  readonly baseUrl: string;
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
  readonly dataTimeoutMs: number;
  readonly tokenLifetimeMs: number;
  readonly now: () => number;
  /**
   * Set when a required option was missing or blank (an environment variable that exists only at
   * run time, read while a build collects the module): every call rejects with it.
   */
  readonly missing: FlinksConfigError | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANCE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/i;

function fail(message: string): never {
  throw new FlinksConfigError(`createFlinksClient: ${message}`);
}

/**
 * What was passed, without showing it: options get swapped (a secret key passed as customerId),
 * and an error message must never put a secret into a log.
 */
function describe(value: unknown): string {
  if (value === undefined || value === null) return String(value);
  if (typeof value !== 'string') return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
  return value === '' ? 'an empty string' : `a ${value.length}-character string`;
}

function checkInstance(instance: string): void {
  if (/^https?:\/\/|\./i.test(instance)) {
    fail(
      `instance is the instance name only, like "toolbox", not a URL or host. To use another host, pass baseUrl.`,
    );
  }
  if (/-(api|iframe)$/i.test(instance)) {
    fail(
      'instance ends with "-api" or "-iframe": pass the name without it (for "toolbox-api.private.fin.ag", instance is "toolbox").',
    );
  }
  if (!INSTANCE.test(instance)) {
    fail(
      `instance must be a Flinks instance name made of letters, digits and dashes, like "toolbox" or "acme-ca"; got ${describe(instance)}.`,
    );
  }
}

function checkBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return fail(
      `baseUrl must be an absolute http(s) URL like "https://toolbox-api.private.fin.ag"; got ${describe(baseUrl)}.`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    fail(`baseUrl must use http or https; got "${url.protocol}".`);
  }
  if (url.search !== '' || url.hash !== '') fail('baseUrl must not have a query or a fragment.');
  return url.href.replace(/\/+$/, '');
}

function positive(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value > 0)) {
    fail(
      `${name} must be a positive number of milliseconds; got ${typeof value === 'number' ? value : describe(value)}.`,
    );
  }
  return value;
}

/** Absent, as an unset or empty environment variable reads. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * The error every call rejects with when required options were missing. It names each option and
 * the variable the README reads it from; it shows no value (there is none, or it is blank).
 */
function missingError(
  missing: readonly (readonly [option: string, variable: string, got: unknown])[],
): FlinksConfigError {
  const what = missing
    .map(([option, , got]) => `${option} is missing or blank (got ${describe(got)})`)
    .join('; ');
  const variables = missing.map(([, variable]) => variable).join(', ');
  return new FlinksConfigError(
    `createFlinksClient: ${what}. Set ${variables} (or whatever you pass as ${missing.map(([option]) => option).join(', ')}) in the environment this server runs in, then restart it; no token can be minted until then. The secret key belongs on the server only, never in a browser bundle.`,
  );
}

export function resolveClientConfig(options: FlinksClientOptions): ClientConfig {
  const { instance, baseUrl, customerId, secretKey } = options as {
    instance?: unknown;
    baseUrl?: unknown;
    customerId?: unknown;
    secretKey?: unknown;
  };

  // Missing values wait for the first call instead of throwing here: frameworks import route
  // modules while building, and in Docker images or CI the FLINKS_* variables exist only at run time.
  const missing: [string, string, unknown][] = [];
  if (isMissing(secretKey)) missing.push(['secretKey', 'FLINKS_SECRET_KEY', secretKey]);
  else if (typeof secretKey !== 'string') fail(`secretKey must be a string; got ${describe(secretKey)}.`);
  if (isMissing(customerId)) {
    missing.push(['customerId', 'FLINKS_CUSTOMER_ID', customerId]);
  } else if (typeof customerId !== 'string' || !GUID.test(customerId.trim())) {
    fail(
      `customerId must be your Flinks customerId, a GUID like "43387ca6-0391-4c82-857d-70d95f087ecb"; got ${describe(customerId)}.`,
    );
  }
  const hasInstance = !isMissing(instance);
  const hasBaseUrl = !isMissing(baseUrl);
  if (hasInstance && typeof instance !== 'string') fail('instance must be a string like "toolbox".');
  if (hasBaseUrl && typeof baseUrl !== 'string') fail('baseUrl must be a string URL.');
  if (!hasInstance && !hasBaseUrl) {
    // Not passed at all is a mistake in the code; passed but undefined is a variable not set yet.
    if (!('instance' in options) && !('baseUrl' in options)) {
      fail('pass instance (e.g. "toolbox" for the sandbox) or baseUrl (e.g. the simulator\'s apiBaseUrl).');
    }
    missing.push(['instance', 'FLINKS_INSTANCE', instance]);
  }
  if (hasInstance) checkInstance(instance as string);
  const apiKey = (options as { apiKey?: unknown }).apiKey;
  if (apiKey !== undefined && apiKey !== null && typeof apiKey !== 'string') {
    fail(`apiKey must be a string; got ${describe(apiKey)}.`);
  }

  const fetchImpl =
    options.fetch ?? (typeof fetch === 'function' ? (input, init) => fetch(input, init) : undefined);
  if (fetchImpl === undefined) fail('no global fetch in this runtime (Node 18+ has one). Pass fetch.');

  return {
    instance: hasInstance ? (instance as string) : undefined,
    customerId: typeof customerId === 'string' ? customerId.trim() : '',
    secretKey: typeof secretKey === 'string' ? secretKey : '',
    // A blank variable means "not enabled": sending an empty x-api-key would only be refused.
    apiKey: typeof apiKey === 'string' && apiKey.trim() !== '' ? apiKey : undefined,
    baseUrl: hasBaseUrl
      ? checkBaseUrl(baseUrl as string)
      : hasInstance
        ? `https://${(instance as string).toLowerCase()}-api.private.fin.ag`
        : '',
    fetch: fetchImpl,
    timeoutMs: positive('timeoutMs', options.timeoutMs, 10_000),
    dataTimeoutMs: positive('dataTimeoutMs', options.dataTimeoutMs, 240_000),
    tokenLifetimeMs: positive('tokenLifetimeMs', options.tokenLifetimeMs, 30 * 60_000),
    // Read at each call, so a fake clock installed after the client was created still counts.
    now: options.now ?? (() => Date.now()),
    missing: missing.length === 0 ? undefined : missingError(missing),
  };
}
