import { createHmac } from 'node:crypto';

/** The webhook tests' secret. */
export const SECRET = 'whsec_5f3c9a';

/** A webhook body's signature as Flinks sends it: base64 HMAC-SHA256 of the raw body. */
export const sign = (body: string | Uint8Array, secret = SECRET): string =>
  createHmac('sha256', secret).update(body).digest('base64');
