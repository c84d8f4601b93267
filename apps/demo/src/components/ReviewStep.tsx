import { useRef } from 'react';
import type { AccountsRequest, LinkedAccount, LinkedAccounts } from '../../shared/demo-api';
import { useLinkedAccounts } from '../use-linked-accounts';
import { Icon } from './icons';

function money(amount: number | null, currency: string | null): string {
  if (amount === null) return '—';
  return new Intl.NumberFormat('en-CA', { style: 'currency', currency: currency ?? 'CAD' }).format(amount);
}

/** `•••• 4021`, read as "ending in 4021". The full number never reaches the page. */
function MaskedNumber({ lastFour }: { lastFour: string | null }) {
  if (lastFour === null) return null;
  return (
    <span className="account-number" data-testid="account-number">
      <span aria-hidden="true">•••• </span>
      <span className="visually-hidden">ending in </span>
      {lastFour}
    </span>
  );
}

function AccountCard({ account }: { account: LinkedAccount }) {
  const titleId = `account-${account.id}`;
  return (
    <li className="account-card" data-testid="review-account" aria-labelledby={titleId}>
      <div className="account-head">
        <h3 id={titleId} className="account-title">
          {account.title} <MaskedNumber lastFour={account.lastFour} />
        </h3>
        {account.selected && <span className="account-badge">Deposits go here</span>}
      </div>
      <dl className="account-balances">
        <div>
          <dt>Available</dt>
          <dd data-testid="balance-available">{money(account.balance.available, account.currency)}</dd>
        </div>
        <div>
          <dt>Current</dt>
          <dd>{money(account.balance.current, account.currency)}</dd>
        </div>
      </dl>
      {account.recentTransactions.length > 0 && (
        <table className="transactions" aria-label={`Recent transactions, ${account.title}`}>
          <caption>Recent transactions</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col" className="amount">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {account.recentTransactions.map((transaction) => (
              <tr key={transaction.id}>
                <td className="date">{transaction.date ?? '—'}</td>
                <td>{transaction.description ?? '—'}</td>
                <td className={`amount ${(transaction.amount ?? 0) < 0 ? 'debit' : 'credit'}`}>
                  {money(transaction.amount, account.currency)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </li>
  );
}

function Accounts({ data }: { data: LinkedAccounts }) {
  return (
    <>
      <p className="review-institution" data-testid="review-institution">
        <Icon name="bank" size={16} />
        {data.institution ?? 'Your bank'}
      </p>
      <ul className="account-list" aria-label="Linked accounts">
        {data.accounts.map((account) => (
          <AccountCard key={account.id} account={account} />
        ))}
      </ul>
    </>
  );
}

/**
 * The third step: the accounts the server got from Flinks with the loginId, while Flinks is still
 * gathering them, or why it could not.
 */
export function ReviewStep({ request }: { request: AccountsRequest }) {
  const { state, retry } = useLinkedAccounts(request);
  const heading = useRef<HTMLHeadingElement>(null);
  const waiting = state.status === 'starting' || state.status === 'pending';
  const checks = state.status === 'pending' ? state.attempt : 0;

  return (
    <section className="review" aria-labelledby="review-title" data-testid="review">
      <h2 id="review-title" className="review-title" tabIndex={-1} ref={heading}>
        Review your linked account
      </h2>
      {/* Always there, so screen readers hear each change of it. */}
      <div className="review-status" role="status" aria-live="polite" data-testid="review-status">
        {waiting && (
          <>
            <span className="spinner" aria-hidden="true" />
            <p>
              <strong>Flinks is still gathering your data.</strong>{' '}
              <span data-testid="review-checks">
                {checks > 0 ? `Checked ${checks} ${checks === 1 ? 'time' : 'times'} so far.` : 'Asking now.'}
              </span>
            </p>
          </>
        )}
        {state.status === 'done' && (
          <p className="visually-hidden">
            {state.data.accounts.length} {state.data.accounts.length === 1 ? 'account' : 'accounts'} ready.
          </p>
        )}
      </div>
      {state.status === 'failed' && (
        <div className="review-error" role="alert" data-testid="review-error">
          <Icon name="alert" size={20} />
          <div>
            <p className="review-error-title">We could not get your account details</p>
            <p>{state.error.message}</p>
            <p className="review-error-code">
              Code: <code>{state.error.code}</code>
            </p>
            <button
              type="button"
              className="button button-primary"
              onClick={() => {
                retry();
                heading.current?.focus();
              }}
            >
              <Icon name="refresh" size={16} />
              Retry
            </button>
          </div>
        </div>
      )}
      {state.status === 'done' && <Accounts data={state.data} />}
    </section>
  );
}
