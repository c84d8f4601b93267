import 'server-only';
import type { WebhookReceipts } from './accounts-types';

/** The most logins remembered; the oldest is forgotten first. */
const MAX_LOGINS = 500;

// On globalThis: `next dev` may load a route module more than once, and each route handler is a
// module of its own; all of them must see the same receipts.
const receipts: Map<string, WebhookReceipts> = ((
  globalThis as { flinksWebhookReceipts?: Map<string, WebhookReceipts> }
).flinksWebhookReceipts ??= new Map());

/**
 * Records a signed webhook. Idempotent, as Flinks asks (it retries a delivery up to 10 times):
 * keyed by login and response type, a repeat only moves the time. A real app stores the data here.
 */
export function recordWebhook(loginId: string, responseType: keyof WebhookReceipts, at = new Date()): void {
  const entry = receipts.get(loginId) ?? {};
  receipts.delete(loginId);
  receipts.set(loginId, { ...entry, [responseType]: at.toISOString() });
  for (const oldest of receipts.keys()) {
    if (receipts.size <= MAX_LOGINS) break;
    receipts.delete(oldest);
  }
}

export function webhookReceipts(loginId: string): WebhookReceipts {
  return receipts.get(loginId) ?? {};
}
