import type { ClientConfig } from './config';
import { FlinksApiError } from './errors';
import type { FlinksEndpoint } from './errors';
import { createRedactor, redactCause, redactJson } from './redact';

/** A complete answer from Flinks: the status and the body, parsed when it is JSON. */
export interface FlinksReply {
  readonly status: number;
  /** The parsed JSON body; `undefined` when the body was empty or not JSON (see `bodyKind`). */
  readonly body: unknown;
  readonly bodyKind: 'json' | 'empty' | 'not-json';
}

export interface FlinksCall {
  readonly endpoint: FlinksEndpoint;
  /** Default POST. */
  readonly method?: 'POST' | 'GET' | 'DELETE';
  /** After the endpoint's name, already encoded: `/{requestId}`. */
  readonly pathSuffix?: string;
  /** Goes in `flinks-auth-key`: the secret key or an authorize token. Data endpoints send none. */
  readonly authKey?: string;
  /** Goes in `x-api-key` (data endpoints, when the instance has one). */
  readonly apiKey?: string | undefined;
  readonly body?: Readonly<Record<string, unknown>>;
  readonly signal?: AbortSignal | undefined;
  /** Default `config.timeoutMs`. */
  readonly timeoutMs?: number;
}

/**
 * POSTs to a BankingServices endpoint and reads the whole answer within `timeoutMs`. Rejects with
 * a `timeout` or `network` FlinksApiError, or with the caller's abort reason when the caller
 * aborts; any HTTP status resolves (the caller decides what it means).
 */
export async function callFlinks(config: ClientConfig, call: FlinksCall): Promise<FlinksReply> {
  const { endpoint, authKey, apiKey, body, signal, method = 'POST', pathSuffix = '' } = call;
  const timeoutMs = call.timeoutMs ?? config.timeoutMs;
  signal?.throwIfAborted();

  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = (): void => controller.abort(signal?.reason);
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    const response = await config.fetch(
      `${config.baseUrl}/v3/${config.customerId}/BankingServices/${endpoint}${pathSuffix}`,
      {
        method,
        headers: {
          ...(authKey === undefined ? {} : { 'flinks-auth-key': authKey }),
          ...(apiKey === undefined ? {} : { 'x-api-key': apiKey }),
          ...(method === 'POST' ? { 'Content-Type': 'application/json' } : {}),
          Accept: 'application/json',
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: controller.signal,
      },
    );
    const text = await response.text();
    return { status: response.status, ...parseBody(text) };
  } catch (error) {
    if (timedOut) {
      throw new FlinksApiError(
        'timeout',
        endpoint,
        `Flinks ${endpoint} did not answer within ${timeoutMs} ms. Retry, or raise ${authKey === undefined ? 'dataTimeoutMs' : 'timeoutMs'} if Flinks is slow from your region.`,
      );
    }
    if (signal?.aborted) throw signal.reason;
    const redact = createRedactor([config.secretKey, config.apiKey, authKey]);
    throw new FlinksApiError(
      'network',
      endpoint,
      `Could not reach Flinks ${endpoint} at ${new URL(config.baseUrl).origin}: ${redact(reason(error))}. Check instance or baseUrl, DNS and outbound network access.`,
      { cause: redactCause(error, redact) },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function parseBody(text: string): Pick<FlinksReply, 'body' | 'bodyKind'> {
  if (text.trim() === '') return { body: undefined, bodyKind: 'empty' };
  try {
    return { body: JSON.parse(text) as unknown, bodyKind: 'json' };
  } catch {
    return { body: undefined, bodyKind: 'not-json' };
  }
}

/** The low-level reason of a fetch failure (undici puts it in `cause`), never a URL with secrets. */
function reason(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (error instanceof Error) return error.message;
  return 'unknown error';
}

/** Reads a field Flinks sends in PascalCase, accepting camelCase too. */
export function field(body: unknown, name: string): unknown {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  return record[name] ?? record[name.charAt(0).toLowerCase() + name.slice(1)];
}

export function textField(body: unknown, name: string): string | undefined {
  const value = field(body, name);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** What a body that is not JSON was, in an error message. */
const describeBody = (kind: 'empty' | 'not-json'): string =>
  kind === 'empty' ? 'an empty body' : 'a body that is not JSON';

/**
 * The FlinksApiError for a success status whose body is not what Flinks sends: empty, not JSON (a
 * proxy's or a wrong host's HTML page), or JSON without the field the endpoint always sends.
 */
export function badResponse(
  endpoint: FlinksEndpoint,
  reply: FlinksReply,
  missing: string,
  requestId?: string,
): FlinksApiError {
  const what = reply.bodyKind === 'json' ? `without ${missing}` : `with ${describeBody(reply.bodyKind)}`;
  return new FlinksApiError(
    'bad_response',
    endpoint,
    `Flinks ${endpoint} answered HTTP ${reply.status} ${what}. Check baseUrl: it must point at the Flinks API host.`,
    { status: reply.status, ...(requestId === undefined ? {} : { requestId }) },
  );
}

/**
 * The FlinksApiError for an error status. Flinks' own `Message` is kept (it is often the best
 * clue, like "LoginId not found or invalid"), and every field taken from the answer is stripped of
 * any credential this call sent: Flinks, or a proxy in front of it, may echo one anywhere.
 */
export function httpError(
  endpoint: FlinksEndpoint,
  reply: FlinksReply,
  secrets: readonly (string | undefined)[],
  hint: string,
): FlinksApiError {
  // A token in an error answer is not one the caller gets: it must not reach a log either.
  const redact = createRedactor([...secrets, textField(reply.body, 'Token')]);
  const redactedField = (name: string): string | undefined => {
    const value = textField(reply.body, name);
    return value === undefined ? undefined : redact(value);
  };
  const flinksCode = redactedField('FlinksCode');
  const requestId = redactedField('RequestId');
  let flinksMessage = redactedField('Message');
  if (flinksMessage !== undefined && flinksMessage.length > 200) {
    flinksMessage = `${flinksMessage.slice(0, 200)}…`;
  }
  const bodyNote = reply.bodyKind === 'json' ? '' : ` with ${describeBody(reply.bodyKind)}`;
  const message = [
    `Flinks ${endpoint} answered HTTP ${reply.status}${flinksCode === undefined ? '' : ` ${flinksCode}`}${bodyNote}`,
    flinksMessage === undefined ? '' : `: "${flinksMessage}"`,
    hint === '' ? '.' : `. ${hint}`,
  ].join('');
  return new FlinksApiError('http_error', endpoint, message, {
    status: reply.status,
    ...(flinksCode === undefined ? {} : { flinksCode }),
    ...(requestId === undefined ? {} : { requestId }),
    body: redactJson(reply.body, redact),
  });
}
