import { readAccountsData, readHolder, readLogin } from './accounts';
import type { AccountHolder, AccountsData } from './accounts';
import type { FlinksLogin } from './authorize';
import { FlinksConfigError } from './errors';
import type { FetchHandler } from './token-handler';
import { verifyWebhookSignature } from './webhook-signature';

/** A `GetAccountsDetail` webhook: the same data as a 200 from /GetAccountsDetail. */
export interface AccountsDetailWebhook extends AccountsData {
  readonly responseType: 'GetAccountsDetail';
  /** The iframe's `tag`, echoed by Flinks; `null` without one. */
  readonly tag: string | null;
}

/** A `KYC` webhook: the holders, sent before the GetAccountsDetail one when Flinks enabled it. */
export interface KycWebhook {
  readonly responseType: 'KYC';
  readonly requestId: string | null;
  readonly login: FlinksLogin | null;
  readonly holders: readonly AccountHolder[];
  readonly tag: string | null;
  readonly body: Readonly<Record<string, unknown>>;
}

export interface WebhookContext {
  readonly request: Request;
}

export interface WebhookHandlerOptions {
  /** The HMAC secret key Flinks gave you when it enabled HMAC on your instance. */
  readonly secret: string;
  /** Called once the data is ready. Resolve only after you stored it: the 200 goes out then. */
  readonly onAccountsDetail?: (payload: AccountsDetailWebhook, context: WebhookContext) => unknown;
  readonly onKyc?: (payload: KycWebhook, context: WebhookContext) => unknown;
  /**
   * The header with the signature. Default `flinks-authenticity-key`, as Flinks' reference and
   * help centre say; one newer Flinks page shows `X-Flinks-Signature`.
   */
  readonly signatureHeader?: string;
  /** The largest body read, in bytes. Default 1 MiB; past it, 413. */
  readonly maxBodyBytes?: number;
  /**
   * Failures the response does not detail: what a callback threw, or a FlinksConfigError when
   * `secret` is missing. Default: one console.error line.
   */
  readonly onError?: (error: unknown) => void;
  /** Web Crypto's SubtleCrypto, for runtimes without a global one (Node 18). */
  readonly subtle?: SubtleCrypto;
}

/** A FetchHandler that also tells `toNodeListener` how large a body it accepts. */
export type WebhookHandler = FetchHandler & { readonly maxBodyBytes: number };

const HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { ...HEADERS, ...headers } });

class TooLarge extends Error {}

/** The body's bytes, counted as they stream: a missing or false Content-Length changes nothing. */
async function readBounded(request: Request, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > limit) throw new TooLarge();
  if (request.body === null) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function logError(error: unknown): void {
  if (error instanceof FlinksConfigError) console.error(`[flinks-embed] webhook endpoint: ${error.message}`);
  else console.error('[flinks-embed] webhook callback failed:', error);
}

const text = (body: Record<string, unknown>, name: string): string | null =>
  typeof body[name] === 'string' ? (body[name] as string) : null;

/**
 * The endpoint Flinks posts its webhooks to: `POST` only, signature checked on the raw bytes
 * before anything is parsed or called. Answers `200 { received: true }` once the callback
 * resolved (Flinks retries anything else, up to 10 times 30 minutes apart), `401` for a missing
 * or wrong signature, `400` for a body that is not a JSON object, `405` for other methods, `413`
 * past `maxBodyBytes`, `500` when the callback throws (or `secret` was missing: it is checked at the
 * first request, not at import, so a build without the variable still loads the route).
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const { secret, onAccountsDetail, onKyc, onError = logError, subtle } = options;
  // A missing secret waits for the first request, as the client's keys do: frameworks import
  // route modules while building, where the variable often exists only at run time.
  const missing =
    secret === undefined || secret === null || (typeof secret === 'string' && secret.trim() === '');
  if (!missing && typeof secret !== 'string') {
    throw new FlinksConfigError(
      'createWebhookHandler: secret must be a string, the HMAC secret key Flinks gave you.',
    );
  }
  const signatureHeader = options.signatureHeader ?? 'flinks-authenticity-key';
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/i.test(signatureHeader)) {
    throw new FlinksConfigError(
      `createWebhookHandler: signatureHeader must be a header name like "flinks-authenticity-key"; got "${signatureHeader}".`,
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? 1_048_576;
  if (!(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new FlinksConfigError(
      'createWebhookHandler: maxBodyBytes must be a positive whole number of bytes.',
    );
  }

  const handler = async (request: Request): Promise<Response> => {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { Allow: 'POST' });
    if (missing) {
      onError(
        new FlinksConfigError(
          'createWebhookHandler: secret is missing or blank. Set FLINKS_WEBHOOK_SECRET (or whatever you pass as secret) to the HMAC secret key Flinks gave you, then restart; every webhook is refused until then.',
        ),
      );
      return json(500, { error: 'server_not_configured' });
    }
    const signature = request.headers.get(signatureHeader);
    if (signature === null || signature.trim() === '') return json(401, { error: 'invalid_signature' });

    let bytes: Uint8Array;
    try {
      bytes = await readBounded(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof TooLarge) return json(413, { error: 'payload_too_large' });
      throw error;
    }
    const valid = await verifyWebhookSignature({
      body: bytes,
      signature,
      secret,
      ...(subtle === undefined ? {} : { subtle }),
    });
    if (!valid) return json(401, { error: 'invalid_signature' });

    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      return json(400, { error: 'invalid_json' });
    }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      return json(400, { error: 'invalid_json' });
    }
    const payload = body as Record<string, unknown>;
    const context = { request };
    try {
      if (payload.ResponseType === 'GetAccountsDetail' && onAccountsDetail !== undefined) {
        const data = readAccountsData(payload, '');
        if (data === undefined) return json(400, { error: 'invalid_payload' });
        await onAccountsDetail(
          { ...data, responseType: 'GetAccountsDetail', tag: text(payload, 'Tag') },
          context,
        );
      } else if (payload.ResponseType === 'KYC' && onKyc !== undefined) {
        const holders = Array.isArray(payload.Holders) ? payload.Holders : [];
        await onKyc(
          {
            responseType: 'KYC',
            requestId: text(payload, 'RequestId'),
            login: readLogin(payload.Login),
            holders: holders.map(readHolder).filter((holder) => holder !== null),
            tag: text(payload, 'Tag'),
            body: payload,
          },
          context,
        );
      }
      // Any other type (Investments, …) is acknowledged: this app has no use for it, and a
      // non-200 would only make Flinks send it 9 more times.
    } catch (error) {
      onError(error);
      return json(500, { error: 'callback_failed' });
    }
    return json(200, { received: true });
  };
  return Object.assign(handler, { maxBodyBytes });
}
