import { randomUUID } from 'node:crypto';
import type { FetchAccountsOptions, FetchAccountsResult } from '@flinks-embed/server';
import type { AccountsJob, AccountsRequest } from '../shared/demo-api';
import { describeFailure, toLinkedAccounts } from './accounts-view';

export interface AccountJobsOptions {
  /** `flinks.fetchAccounts`: a cached /Authorize, then GetAccountsDetail until the data. */
  fetchAccounts: (options: FetchAccountsOptions) => Promise<FetchAccountsResult>;
  /** Between Flinks' 202s. Default: the client's own (10 s, as Flinks asks). */
  pollIntervalMs?: number;
  /** How long the page waits between two looks at a pending job. */
  pagePollMs: number;
  /** Jobs kept at once, running or finished; the oldest finished one goes first. Default 100. */
  maxJobs?: number;
  /** A finished job is forgotten this long after it finished. Default 15 minutes. */
  keepFinishedMs?: number;
  now?: () => number;
  log?: (line: string) => void;
}

/**
 * The server side of the Review step: one background job per request, keyed by an opaque id. The
 * page never waits on a request that lasts as long as Flinks does (up to 30 minutes), and never
 * holds the RequestId, which stays in here with the client's keys.
 */
export interface AccountJobs {
  /** Starts a job; `undefined` when `maxJobs` are running already. */
  start(request: AccountsRequest): string | undefined;
  get(jobId: string): AccountsJob | undefined;
  /** Stops every running job: nothing more is sent to Flinks. */
  close(): void;
}

interface Job {
  state: AccountsJob;
  finishedAt: number | undefined;
  controller: AbortController;
}

export function createAccountJobs(options: AccountJobsOptions): AccountJobs {
  const { fetchAccounts, pagePollMs, maxJobs = 100, keepFinishedMs = 15 * 60_000 } = options;
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => {});
  const jobs = new Map<string, Job>();

  const sweep = (): void => {
    for (const [id, job] of jobs) {
      if (job.finishedAt !== undefined && now() - job.finishedAt > keepFinishedMs) jobs.delete(id);
    }
    // Map order is insertion order: the first finished job found is the oldest.
    for (const [id, job] of jobs) {
      if (jobs.size < maxJobs) break;
      if (job.finishedAt !== undefined) jobs.delete(id);
    }
  };

  const run = async (job: Job, request: AccountsRequest): Promise<void> => {
    const { signal } = job.controller;
    try {
      const data = await fetchAccounts({
        loginId: request.loginId,
        withTransactions: true,
        ...(options.pollIntervalMs === undefined ? {} : { pollIntervalMs: options.pollIntervalMs }),
        signal,
        onPending: ({ attempt }) => {
          job.state = { status: 'pending', attempt, pollAfterMs: pagePollMs };
        },
      });
      job.state = { status: 'done', data: toLinkedAccounts(data, request.accountId) };
    } catch (error) {
      if (signal.aborted) return;
      job.state = { status: 'failed', error: describeFailure(error) };
      log(`accounts: ${job.state.error.code}`);
    } finally {
      job.finishedAt = now();
    }
  };

  return {
    start(request) {
      sweep();
      if (jobs.size >= maxJobs) return undefined;
      const id = randomUUID();
      const job: Job = {
        state: { status: 'pending', attempt: 0, pollAfterMs: pagePollMs },
        finishedAt: undefined,
        controller: new AbortController(),
      };
      jobs.set(id, job);
      void run(job, request);
      return id;
    },
    get: (jobId) => jobs.get(jobId)?.state,
    close() {
      for (const job of jobs.values()) job.controller.abort();
      jobs.clear();
    },
  };
}
