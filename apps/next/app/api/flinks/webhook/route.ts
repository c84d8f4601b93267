import { createWebhookHandler, type WebhookHandler } from '@flinks-embed/server';
import { recordWebhook } from '../../../../lib/webhook-receipts';

export const runtime = 'nodejs';

// Created on the first request, like the token route: `next build` has no FLINKS_WEBHOOK_SECRET.
// Without one the handler answers 500 `server_not_configured` and logs the variable's name.
let handler: WebhookHandler | undefined;
function webhookHandler(): WebhookHandler {
  handler ??= createWebhookHandler({
    secret: process.env.FLINKS_WEBHOOK_SECRET ?? '',
    // Idempotent, keyed by login and response type: Flinks retries any answer but 200. A real app
    // stores the accounts here (quickly: Flinks waits for the answer) and processes them later.
    onAccountsDetail: ({ login }) => {
      if (login) recordWebhook(login.id, 'GetAccountsDetail');
    },
    onKyc: ({ login }) => {
      if (login) recordWebhook(login.id, 'KYC');
    },
    onError: (error) => console.error('[flinks] webhook:', error instanceof Error ? error.message : error),
  });
  return handler;
}

/** `POST /api/flinks/webhook`: Flinks' signed callbacks (`flinks-authenticity-key`), checked before anything is read. */
export const POST = (request: Request): Promise<Response> => webhookHandler()(request);
