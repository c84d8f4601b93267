'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountsJob, LinkedAccount } from '../lib/accounts-types';

type State = { status: 'starting' } | AccountsJob;

/** Once the data is shown, how many more seconds to look for the webhook's receipt. */
const WEBHOOK_CHECKS = 30;

async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: string } | null;
    throw new Error(`The accounts route answered ${response.status}${body?.error ? `: ${body.error}` : ''}.`);
  }
  return response.json() as Promise<T>;
}

/** Starts a data job for `loginId` on this app's server and follows it until it ends. */
function useAccountsJob(loginId: string): { state: State; retry: () => void } {
  const [state, setState] = useState<State>({ status: 'starting' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    const { signal } = controller;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const fail = (error: unknown) => {
      if (!signal.aborted)
        setState({ status: 'failed', error: { code: 'app_server', message: String(error) } });
    };
    let webhookChecks = 0;
    const follow = async (jobId: string): Promise<void> => {
      const job = await readJson<AccountsJob>(
        await fetch(`/api/flinks/accounts/${jobId}`, { signal, cache: 'no-store' }),
      );
      if (signal.aborted) return;
      setState(job);
      // Pending: ask again when the server says. Done: a little longer, for the webhook's receipt.
      const next =
        job.status === 'pending'
          ? job.pollAfterMs
          : job.status === 'done' && !job.webhooks.GetAccountsDetail && webhookChecks++ < WEBHOOK_CHECKS
            ? 1000
            : undefined;
      if (next !== undefined) timer = setTimeout(() => void follow(jobId).catch(fail), next);
    };
    // Deferred one task, so StrictMode's synthetic unmount cancels it before a job is started.
    timer = setTimeout(() => {
      fetch('/api/flinks/accounts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ loginId }),
        signal,
      })
        .then((response) => readJson<{ jobId: string }>(response))
        .then(({ jobId }) => follow(jobId))
        .catch(fail);
    }, 0);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [loginId, round]);
  const retry = useCallback(() => {
    setState({ status: 'starting' });
    setRound((value) => value + 1);
  }, []);
  return { state, retry };
}

const money = (amount: number | null, currency: string | null) =>
  amount === null
    ? '—'
    : new Intl.NumberFormat('en-CA', { style: 'currency', currency: currency ?? 'CAD' }).format(amount);

function Account({ account }: { account: LinkedAccount }) {
  return (
    <li data-testid="linked-account" aria-labelledby={`account-${account.id}`} style={{ marginBottom: 16 }}>
      <h3 id={`account-${account.id}`} style={{ marginBottom: 4 }}>
        {account.title}
        {account.lastFour ? (
          <span
            data-testid="account-number"
            style={{ fontFamily: 'monospace', fontWeight: 'normal', marginLeft: 8 }}
          >
            <span aria-hidden="true">•••• </span>
            <span
              style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
            >
              ending in{' '}
            </span>
            {account.lastFour}
          </span>
        ) : null}
      </h3>
      <p style={{ margin: '0 0 8px' }}>
        Available <b data-testid="balance-available">{money(account.balance.available, account.currency)}</b>{' '}
        · Current <b>{money(account.balance.current, account.currency)}</b>
      </p>
      {account.recentTransactions.length > 0 ? (
        <table
          aria-label={`Recent transactions, ${account.title}`}
          style={{ borderCollapse: 'collapse', width: '100%' }}
        >
          <thead>
            <tr>
              <th scope="col" style={{ textAlign: 'left' }}>
                Date
              </th>
              <th scope="col" style={{ textAlign: 'left' }}>
                Description
              </th>
              <th scope="col" style={{ textAlign: 'right' }}>
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {account.recentTransactions.map((transaction) => (
              <tr key={transaction.id}>
                <td>{transaction.date}</td>
                <td>{transaction.description}</td>
                <td style={{ textAlign: 'right' }}>{money(transaction.amount, account.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}

/** After Connect: the accounts this app's server got from Flinks for `loginId`. */
export function LinkedAccounts({ loginId }: { loginId: string }) {
  const { state, retry } = useAccountsJob(loginId);
  const heading = useRef<HTMLHeadingElement>(null);
  const waiting = state.status === 'starting' || state.status === 'pending';
  const checks = state.status === 'pending' ? state.attempt : 0;
  return (
    <section aria-labelledby="linked-accounts" data-testid="linked-accounts">
      <h2 id="linked-accounts" tabIndex={-1} ref={heading}>
        Your accounts
      </h2>
      <div role="status" aria-live="polite" data-testid="accounts-status">
        {waiting ? (
          <p>
            Flinks is still gathering your data.{' '}
            {checks > 0 ? `Checked ${checks} ${checks === 1 ? 'time' : 'times'} so far.` : 'Asking now.'}
          </p>
        ) : null}
      </div>
      {state.status === 'failed' ? (
        <div role="alert" data-testid="accounts-error" style={{ color: '#991b1b' }}>
          <p>
            We could not get your account details. {state.error.message} (<code>{state.error.code}</code>)
          </p>
          <button
            type="button"
            onClick={() => {
              retry();
              heading.current?.focus();
            }}
          >
            Retry
          </button>
        </div>
      ) : null}
      {state.status === 'done' ? (
        <>
          <p data-testid="accounts-institution">{state.institution}</p>
          <ul aria-label="Linked accounts" style={{ listStyle: 'none', padding: 0 }}>
            {state.accounts.map((account) => (
              <Account key={account.id} account={account} />
            ))}
          </ul>
          <p data-testid="webhook-receipt">
            {state.webhooks.GetAccountsDetail
              ? `Flinks' signed webhook also delivered this login's data (${state.webhooks.KYC ? 'KYC, then ' : ''}GetAccountsDetail).`
              : "Flinks' webhook for this login has not arrived yet."}
          </p>
        </>
      ) : null}
    </section>
  );
}
