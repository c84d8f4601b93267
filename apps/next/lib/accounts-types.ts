/**
 * What the accounts routes answer the browser: nothing secret, no RequestId, no full account
 * number. Shared by the route handlers and the client component (types only).
 */

export interface LinkedAccount {
  id: string;
  title: string;
  /** The last four digits only; `null` when Flinks gave none. */
  lastFour: string | null;
  currency: string | null;
  balance: { available: number | null; current: number | null };
  /** The newest few, newest first; negative amounts are money out. */
  recentTransactions: {
    id: string;
    date: string | null;
    description: string | null;
    amount: number | null;
  }[];
}

/** When Flinks' signed webhooks for this login reached `app/api/flinks/webhook` (ISO times). */
export interface WebhookReceipts {
  GetAccountsDetail?: string;
  KYC?: string;
}

/** `GET /api/flinks/accounts/{jobId}`. */
export type AccountsJob =
  | { status: 'pending'; attempt: number; pollAfterMs: number }
  | {
      status: 'done';
      institution: string | null;
      accounts: LinkedAccount[];
      webhooks: WebhookReceipts;
    }
  | { status: 'failed'; error: { code: string; message: string } };
