import { useCallback, useEffect, useState } from 'react';
import type { AccountsJob, AccountsRequest } from '../shared/demo-api';
import { getAccountsJob, postAccountsRequest } from './api';

/** What the Review step shows: the job as the server last described it, or the page's own failure. */
export type LinkedAccountsState = { status: 'starting' } | AccountsJob;

/**
 * Asks the server for the linked accounts of `request` and follows the job until it is done or
 * failed. `retry()` starts a new job. Unmounting stops asking; key the component by the request.
 */
export function useLinkedAccounts(request: AccountsRequest): {
  state: LinkedAccountsState;
  retry: () => void;
} {
  const { loginId, accountId } = request;
  const [state, setState] = useState<LinkedAccountsState>({ status: 'starting' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const follow = async (jobId: string): Promise<void> => {
      const job = await getAccountsJob(jobId, signal);
      if (signal.aborted) return;
      setState(job);
      if (job.status === 'pending') timer = setTimeout(() => void follow(jobId).catch(fail), job.pollAfterMs);
    };
    const fail = (error: unknown): void => {
      if (signal.aborted) return;
      const message = error instanceof Error ? error.message : String(error);
      setState({ status: 'failed', error: { code: 'demo_server', message } });
    };
    // Deferred one task, so StrictMode's synthetic unmount cancels it before a job is started.
    timer = setTimeout(() => {
      postAccountsRequest(accountId === undefined ? { loginId } : { loginId, accountId }, signal)
        .then(follow)
        .catch(fail);
    }, 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [loginId, accountId, attempt]);

  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setAttempt((value) => value + 1);
  }, []);
  return { state, retry };
}
