import 'server-only';
import { randomUUID } from 'node:crypto';
import { createFlinksClient, FlinksApiError, type Account, type FlinksClient } from '@flinks-embed/server';
import type { AccountsJob, LinkedAccount } from './accounts-types';
import { readDataPollIntervalMs, readFlinksClientOptions } from './flinks-config';
import { webhookReceipts } from './webhook-receipts';

/** Jobs kept at once; a finished one is forgotten after {@link KEEP_FINISHED_MS}. */
const MAX_JOBS = 100;
const KEEP_FINISHED_MS = 15 * 60_000;
/** How often the page looks at a pending job. */
const PAGE_POLL_MS = 500;

interface Job {
  loginId: string;
  state: AccountsJob;
  finishedAt?: number;
  controller: AbortController;
}

// On globalThis: the POST and GET routes are separate modules (and `next dev` reloads them), yet
// must share the jobs of this server process. A deployment with several instances keeps them in
// its own store or queue instead (see packages/server's README, "At scale").
const store = globalThis as { flinksAccountJobs?: Map<string, Job>; flinksDataClient?: FlinksClient };
const jobs = (store.flinksAccountJobs ??= new Map());

function lastFour(account: Account): string | null {
  const digits = (account.lastFourDigits ?? account.accountNumber ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

/** What the browser may see of an account: the number masked, no holder. */
function toLinkedAccount(account: Account): LinkedAccount {
  return {
    id: account.id,
    title: account.title ?? account.type ?? 'Account',
    lastFour: lastFour(account),
    currency: account.currency,
    balance: { available: account.balance.available, current: account.balance.current },
    recentTransactions: account.transactions.slice(0, 5).map((transaction, index) => ({
      id: transaction.id ?? String(index),
      date: transaction.date,
      description: transaction.description,
      amount: transaction.credit ?? (transaction.debit === null ? null : -transaction.debit),
    })),
  };
}

const ADVICE: Record<FlinksApiError['action'], string> = {
  retry_later: 'Flinks could not get your data just now. Try again in a moment.',
  reauthorize: 'The session with Flinks expired before the data came. Try again to start a new one.',
  reconnect: 'Your bank needs you to sign in again: link the account again.',
  fix_setup:
    "The server's Flinks settings were refused: check FLINKS_INSTANCE, FLINKS_CUSTOMER_ID and FLINKS_API_KEY.",
  unknown: 'Flinks answered with an error this app does not know. Try again, or link the account again.',
};

async function run(job: Job, flinks: FlinksClient, pollIntervalMs: number | undefined): Promise<void> {
  const { signal } = job.controller;
  try {
    const data = await flinks.fetchAccounts({
      loginId: job.loginId,
      withTransactions: true,
      ...(pollIntervalMs === undefined ? {} : { pollIntervalMs }),
      signal,
      onPending: ({ attempt }) => {
        job.state = { status: 'pending', attempt, pollAfterMs: PAGE_POLL_MS };
      },
    });
    job.state = {
      status: 'done',
      institution: data.institution,
      accounts: data.accounts.map(toLinkedAccount),
      webhooks: {},
    };
  } catch (error) {
    // The code and advice only: a message may quote Flinks, and the RequestId stays here.
    const code = error instanceof FlinksApiError ? (error.flinksCode ?? error.code) : 'server_error';
    const message = error instanceof FlinksApiError ? ADVICE[error.action] : 'The server failed. Try again.';
    if (!(error instanceof FlinksApiError)) console.error('[flinks] accounts:', error);
    job.state = { status: 'failed', error: { code, message } };
  } finally {
    job.finishedAt = Date.now();
  }
}

/**
 * Starts getting the accounts of `loginId` in the background; `undefined` when too many run.
 * Throws `FlinksSetupError` (or the client's `FlinksConfigError`) when a variable is missing.
 */
export function startAccountsJob(loginId: string): string | undefined {
  const pollIntervalMs = readDataPollIntervalMs();
  const flinks = (store.flinksDataClient ??= createFlinksClient(readFlinksClientOptions()));
  for (const [id, job] of jobs) {
    if (
      job.finishedAt !== undefined &&
      (Date.now() - job.finishedAt > KEEP_FINISHED_MS || jobs.size >= MAX_JOBS)
    ) {
      jobs.delete(id);
    }
  }
  if (jobs.size >= MAX_JOBS) return undefined;
  const id = randomUUID();
  const job: Job = {
    loginId,
    state: { status: 'pending', attempt: 0, pollAfterMs: PAGE_POLL_MS },
    controller: new AbortController(),
  };
  jobs.set(id, job);
  void run(job, flinks, pollIntervalMs);
  return id;
}

/** The job as the page may see it, with the webhooks received for its login so far. */
export function readAccountsJob(jobId: string): AccountsJob | undefined {
  const job = jobs.get(jobId);
  if (!job) return undefined;
  return job.state.status === 'done' ? { ...job.state, webhooks: webhookReceipts(job.loginId) } : job.state;
}
