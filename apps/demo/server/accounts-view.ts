import { FlinksApiError, type Account, type AccountsData } from '@flinks-embed/server';
import type { AccountsJob, LinkedAccount, LinkedAccounts } from '../shared/demo-api';

/** How many transactions per account the Review step shows. */
const RECENT_TRANSACTIONS = 5;

/** The last four digits, from Flinks' own field or the end of the full number; never more. */
export function lastFourOf(account: Pick<Account, 'lastFourDigits' | 'accountNumber'>): string | null {
  const digits = (account.lastFourDigits ?? account.accountNumber ?? '').replace(/\D/g, '');
  return digits.length >= 4 ? digits.slice(-4) : null;
}

function toLinkedAccount(account: Account, selectedId: string | undefined): LinkedAccount {
  return {
    id: account.id,
    title: account.title ?? account.type ?? 'Account',
    lastFour: lastFourOf(account),
    type: account.type,
    currency: account.currency,
    balance: { available: account.balance.available, current: account.balance.current },
    recentTransactions: account.transactions.slice(0, RECENT_TRANSACTIONS).map((transaction, index) => ({
      id: transaction.id ?? `${account.id}-${index}`,
      date: transaction.date,
      description: transaction.description,
      amount:
        transaction.credit !== null
          ? transaction.credit
          : transaction.debit !== null
            ? -transaction.debit
            : null,
    })),
    selected: account.id === selectedId,
  };
}

/**
 * What the browser may see of Flinks' answer: no full account numbers, no holder, no RequestId,
 * no raw body. The server keeps the rest.
 */
export function toLinkedAccounts(data: AccountsData, selectedId?: string): LinkedAccounts {
  return {
    institution: data.institution,
    accounts: data.accounts.map((account) => toLinkedAccount(account, selectedId)),
  };
}

const ACTION_MESSAGES: Record<FlinksApiError['action'], string> = {
  retry_later: 'Flinks could not get your data just now. Try again in a moment.',
  reauthorize: 'The session with Flinks expired before the data came. Try again to start a new one.',
  reconnect: 'Your bank needs you to sign in again: connect the account again with Connect.',
  fix_setup: "The server's Flinks settings were refused (check the instance, customer id and API key).",
  unknown: 'Flinks answered with an error the demo does not know. Try again, or connect the account again.',
};

/**
 * A failure as the page shows it: Flinks' code (or the client's) and a sentence saying what to
 * do. Never the error's own message, which may quote Flinks, nor its RequestId.
 */
export function describeFailure(error: unknown): Extract<AccountsJob, { status: 'failed' }>['error'] {
  if (error instanceof FlinksApiError) {
    return { code: error.flinksCode ?? error.code, message: ACTION_MESSAGES[error.action] };
  }
  return { code: 'server_error', message: 'The demo server failed while getting your data. Try again.' };
}
