import { FlinksConfigError } from './errors';

export interface VerifyWebhookSignatureOptions {
  /** The raw body, exactly as received: a string (UTF-8) or its bytes. Not a re-serialized object. */
  readonly body: string | Uint8Array;
  /** The `flinks-authenticity-key` header's value; `null`/`undefined` when there was none. */
  readonly signature: string | null | undefined;
  /** The HMAC secret key Flinks gave you when it enabled HMAC on your instance. */
  readonly secret: string;
  /**
   * Web Crypto's `SubtleCrypto`. Default `globalThis.crypto.subtle` (Node 19+, Bun, Deno, edge
   * runtimes); on Node 18 pass `(await import('node:crypto')).webcrypto.subtle`.
   */
  readonly subtle?: SubtleCrypto;
}

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares every character whatever the first difference: the time says nothing about where it is. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let index = 0; index < a.length; index += 1) {
    difference |= a.charCodeAt(index) ^ (index < b.length ? b.charCodeAt(index) : 0);
  }
  return difference === 0;
}

/**
 * Whether `signature` is Flinks' base64 HMAC-SHA256 of `body` keyed with `secret`, compared in
 * constant time. Only the exact standard base64 text counts (44 characters, padded): Flinks sends
 * nothing else, and accepting variants would only widen what an attacker may try.
 */
export async function verifyWebhookSignature(options: VerifyWebhookSignatureOptions): Promise<boolean> {
  const { body, signature, secret } = options;
  if (typeof secret !== 'string' || secret === '') {
    throw new FlinksConfigError(
      'verifyWebhookSignature: secret is missing. Pass the HMAC secret key Flinks gave you (e.g. FLINKS_WEBHOOK_SECRET).',
    );
  }
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new FlinksConfigError(
      'verifyWebhookSignature: body must be the raw body as a string or a Uint8Array (await request.text()), not a parsed object.',
    );
  }
  if (typeof signature !== 'string' || signature === '') return false;
  const subtle = options.subtle ?? (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle === undefined) {
    throw new FlinksConfigError(
      "verifyWebhookSignature: no Web Crypto in this runtime (Node 18 has it only as node:crypto's webcrypto). Pass subtle: (await import('node:crypto')).webcrypto.subtle.",
    );
  }
  const key = await subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  // A copy: the caller's view may sit on a SharedArrayBuffer, which Web Crypto refuses.
  const bytes = typeof body === 'string' ? encoder.encode(body) : new Uint8Array(body);
  const mac = new Uint8Array(await subtle.sign('HMAC', key, bytes));
  return sameText(toBase64(mac), signature.trim());
}
