import type { FlinksLogin } from './authorize';
import { field, textField } from './flinks-request';

/** A postal address as Flinks gives it; every part may be null. */
export interface FlinksAddress {
  readonly civicAddress: string | null;
  readonly city: string | null;
  readonly province: string | null;
  readonly postalCode: string | null;
  readonly poBox: string | null;
  readonly country: string | null;
}

/** The account holder (KYC). Flinks sends it only with `WithKYC`. */
export interface AccountHolder {
  readonly name: string | null;
  readonly address: FlinksAddress | null;
  readonly email: string | null;
  readonly phoneNumber: string | null;
}

export interface AccountBalance {
  /** Posted and authorized transactions. */
  readonly available: number | null;
  /** Posted transactions only. */
  readonly current: number | null;
  readonly limit: number | null;
}

export interface Transaction {
  /** Flinks' transaction id. */
  readonly id: string | null;
  /** `YYYY-MM-DD`. */
  readonly date: string | null;
  readonly description: string | null;
  readonly debit: number | null;
  readonly credit: number | null;
  /** The account's balance after this transaction. */
  readonly balance: number | null;
}

/** One account of GetAccountsDetail (and, without transactions, of GetAccountsSummary). */
export interface Account {
  /** Flinks' account id: `ACCOUNT_SELECTED`'s `accountId`, and what `accountsFilter` takes. */
  readonly id: string;
  readonly title: string | null;
  /** Full account number (with `WithAccountIdentity`), else null. */
  readonly accountNumber: string | null;
  readonly lastFourDigits: string | null;
  readonly transitNumber: string | null;
  readonly institutionNumber: string | null;
  readonly overdraftLimit: number | null;
  readonly balance: AccountBalance;
  /** `Operations`, `Credits`, `Products` or `Other`. */
  readonly category: 'Operations' | 'Credits' | 'Products' | 'Other' | (string & {}) | null;
  /** `Chequing`, `Savings`, `CreditCard`, `TFSA`, `RRSP`, … */
  readonly type: string | null;
  /** `CAD` or `USD`. */
  readonly currency: 'CAD' | 'USD' | (string & {}) | null;
  readonly holder: AccountHolder | null;
  /** `Personal` or `Business`, when Flinks says. */
  readonly accountType: string | null;
  /** Empty without `WithTransactions` (and always for the summary). */
  readonly transactions: readonly Transaction[];
  /** Summary only: how often an EFT could be made from this account, 0 to 1. */
  readonly eftEligibleRatio: number | null;
  /** Summary only: the same for e-Transfer. */
  readonly eTransferEligibleRatio: number | null;
}

/** The data of one login: what `getAccountsDetail` and `getAccountsSummary` resolve to. */
export interface AccountsData {
  readonly requestId: string;
  readonly institution: string | null;
  readonly login: FlinksLogin | null;
  readonly accounts: readonly Account[];
  /** Flinks' whole answer, as it came: every field not mapped here is in it. */
  readonly body: Readonly<Record<string, unknown>>;
}

const text = (from: unknown, name: string): string | null => {
  const value = field(from, name);
  return typeof value === 'string' ? value : null;
};
const number = (from: unknown, name: string): number | null => {
  const value = field(from, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
};
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function readHolder(value: unknown): AccountHolder | null {
  if (!isRecord(value)) return null;
  const address = field(value, 'Address');
  return {
    name: text(value, 'Name'),
    address: isRecord(address)
      ? {
          civicAddress: text(address, 'CivicAddress'),
          city: text(address, 'City'),
          province: text(address, 'Province'),
          postalCode: text(address, 'PostalCode'),
          poBox: text(address, 'POBox'),
          country: text(address, 'Country'),
        }
      : null,
    email: text(value, 'Email'),
    phoneNumber: text(value, 'PhoneNumber'),
  };
}

function readTransaction(value: unknown): Transaction {
  return {
    id: text(value, 'Id'),
    date: text(value, 'Date'),
    description: text(value, 'Description'),
    debit: number(value, 'Debit'),
    credit: number(value, 'Credit'),
    balance: number(value, 'Balance'),
  };
}

function readAccount(value: unknown): Account | undefined {
  const id = textField(value, 'Id');
  if (id === undefined) return undefined;
  const balance = field(value, 'Balance');
  const transactions = field(value, 'Transactions');
  return {
    id,
    title: text(value, 'Title'),
    accountNumber: text(value, 'AccountNumber'),
    lastFourDigits: text(value, 'LastFourDigits'),
    transitNumber: text(value, 'TransitNumber'),
    institutionNumber: text(value, 'InstitutionNumber'),
    overdraftLimit: number(value, 'OverdraftLimit'),
    balance: {
      available: number(balance, 'Available'),
      current: number(balance, 'Current'),
      limit: number(balance, 'Limit'),
    },
    category: text(value, 'Category'),
    type: text(value, 'Type'),
    currency: text(value, 'Currency'),
    holder: readHolder(field(value, 'Holder')),
    accountType: text(value, 'AccountType'),
    transactions: Array.isArray(transactions) ? transactions.filter(isRecord).map(readTransaction) : [],
    eftEligibleRatio: number(value, 'EftEligibleRatio'),
    eTransferEligibleRatio: number(value, 'ETransferEligibleRatio'),
  };
}

export function readLogin(value: unknown): FlinksLogin | null {
  const id = textField(value, 'Id');
  if (id === undefined) return null;
  const isScheduledRefresh = field(value, 'IsScheduledRefresh');
  return {
    id,
    username: textField(value, 'Username'),
    isScheduledRefresh: typeof isScheduledRefresh === 'boolean' ? isScheduledRefresh : undefined,
    lastRefresh: textField(value, 'LastRefresh'),
    type: textField(value, 'Type'),
  };
}

/**
 * The typed view of a data answer (a 200, or a webhook's JSON). `undefined` when it is not one:
 * not an object, or without an `Accounts` array. Accounts without an `Id` are left to `body`.
 */
export function readAccountsData(body: unknown, fallbackRequestId: string): AccountsData | undefined {
  if (!isRecord(body)) return undefined;
  const accounts = field(body, 'Accounts');
  if (!Array.isArray(accounts)) return undefined;
  return {
    requestId: textField(body, 'RequestId') ?? fallbackRequestId,
    institution: textField(body, 'Institution') ?? textField(body, 'InstitutionName') ?? null,
    login: readLogin(field(body, 'Login')),
    accounts: accounts.map(readAccount).filter((account) => account !== undefined),
    body,
  };
}
