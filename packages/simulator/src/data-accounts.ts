import { SANDBOX_ACCOUNTS } from './sandbox-data';
import type { SandboxAccount } from './sandbox-data';
import { sandboxTransactions, stableDigits } from './transactions';
import type { AccountKind, FlinksTransaction } from './transactions';

/** Which login a RequestId belongs to: what /Authorize answered for it. */
export interface DataLogin {
  readonly requestId: string;
  readonly institution: string;
  /** The `Login` object of the /Authorize answer, given back unchanged in the data. */
  readonly login: Readonly<Record<string, unknown>> & { readonly Id: string; readonly Username: string };
}

/** The options of a GetAccountsDetail body, Flinks' names, with the defaults filled in. */
export interface DetailFilters {
  readonly WithTransactions: boolean;
  readonly WithKYC: boolean;
  readonly WithAccountIdentity: boolean;
  readonly DaysOfTransactions: 'Days90' | 'Days365';
  readonly AccountsFilter: readonly string[] | undefined;
}

export const DEFAULT_FILTERS: DetailFilters = {
  WithTransactions: true,
  WithKYC: true,
  WithAccountIdentity: true,
  DaysOfTransactions: 'Days90',
  AccountsFilter: undefined,
};

interface AccountFacts {
  readonly kind: AccountKind;
  readonly category: 'Operations' | 'Credits';
  readonly type: 'Chequing' | 'Savings' | 'CreditCard';
  readonly overdraftLimit: number | null;
  readonly limit: number | null;
}

/** Category and Type as every Flinks API example has them (FLINKS-DATA §1.2, the conflict there). */
const FACTS_BY_POSITION: readonly AccountFacts[] = [
  { kind: 'chequing', category: 'Operations', type: 'Chequing', overdraftLimit: 500, limit: null },
  { kind: 'savings', category: 'Operations', type: 'Savings', overdraftLimit: null, limit: null },
  { kind: 'credit', category: 'Credits', type: 'CreditCard', overdraftLimit: null, limit: 5000 },
];

/**
 * Flinks' numeric `InstitutionId` and the Canadian institution number of each sandbox bank.
 * Flinks Capital's 14 and 777 are those of Flinks' own examples; the others are the banks' real
 * institution numbers and ids of the simulator's own choosing.
 */
const INSTITUTIONS: Readonly<Record<string, { readonly id: number; readonly number: string }>> = {
  FlinksCapital: { id: 14, number: '777' },
  FlinksOAuth: { id: 15, number: '777' },
  BMO: { id: 1, number: '001' },
  Scotia: { id: 2, number: '002' },
  RBC: { id: 3, number: '003' },
  TD: { id: 4, number: '004' },
  National: { id: 6, number: '006' },
  CIBC: { id: 10, number: '010' },
  Tangerine: { id: 614, number: '614' },
  Desjardins: { id: 815, number: '815' },
};

const DAYS = { Days90: 90, Days365: 365 } as const;

function lastFour(account: SandboxAccount): string {
  return account.number.replace(/\D/g, '').slice(-4);
}

/** The KYC of a sandbox login: one made-up holder per username. */
export function sandboxHolder(username: string): Record<string, unknown> {
  return {
    Name: 'Alex Tremblay',
    Address: {
      CivicAddress: '1250 rue Sainte-Catherine O',
      City: 'Montreal',
      Province: 'QC',
      PostalCode: 'H3G 1P1',
      POBox: null,
      Country: 'CA',
    },
    Email: `${username.toLowerCase()}@example.com`,
    PhoneNumber: '5145550123',
  };
}

function institutionOf(id: string): { readonly id: number; readonly number: string } {
  return INSTITUTIONS[id] ?? { id: 9999, number: '999' };
}

/** The fields every data answer shares, in the order of Flinks' example. */
function envelope(data: DataLogin): Record<string, unknown> {
  return {
    InstitutionName: data.institution,
    Login: data.login,
    InstitutionId: institutionOf(data.institution).id,
    Institution: data.institution,
    RequestId: data.requestId,
  };
}

/**
 * The 200 body of GetAccountsDetail for this login: the accounts the Connect page lists, with
 * the same `Id`s (the `accountId` of `ACCOUNT_SELECTED`) and balances, plus transactions.
 */
export function accountsDetail(
  data: DataLogin,
  filters: DetailFilters,
  now: number,
): Record<string, unknown> {
  const institution = institutionOf(data.institution);
  // By user, not LoginId (a fresh GUID each run), so a sandbox user's history is the same every run.
  const seed = `${data.institution}:${data.login.Username.toLowerCase()}`;
  const wanted = filters.AccountsFilter === undefined ? undefined : new Set(filters.AccountsFilter);
  const accounts = SANDBOX_ACCOUNTS.flatMap((account, position) => {
    if (wanted !== undefined && !wanted.has(account.id)) return [];
    const facts = FACTS_BY_POSITION[position % FACTS_BY_POSITION.length] as AccountFacts;
    const transactions: FlinksTransaction[] = sandboxTransactions(
      `${seed}:${account.id}`,
      facts.kind,
      account.balance,
      now,
      DAYS[filters.DaysOfTransactions],
    );
    const identity = filters.WithAccountIdentity;
    return [
      {
        ...(filters.WithTransactions ? { Transactions: transactions } : {}),
        TransitNumber: identity ? stableDigits(`${seed}:${account.id}`, 5) : null,
        InstitutionNumber: identity ? institution.number : null,
        OverdraftLimit: facts.overdraftLimit,
        Title: account.title.en,
        AccountNumber: identity ? `100${lastFour(account)}` : null,
        LastFourDigits: facts.kind === 'credit' ? lastFour(account) : null,
        Balance: balance(account, facts),
        Category: facts.category,
        Type: facts.type,
        Currency: account.currency,
        Holder: filters.WithKYC ? sandboxHolder(data.login.Username) : null,
        AccountType: null,
        Id: account.id,
      },
    ];
  });
  return { HttpStatusCode: 200, Accounts: accounts, ...envelope(data) };
}

function balance(account: SandboxAccount, facts: AccountFacts): Record<string, number | null> {
  const available =
    facts.limit === null ? account.balance + (facts.overdraftLimit ?? 0) : facts.limit + account.balance;
  return { Available: Math.round(available * 100) / 100, Current: account.balance, Limit: facts.limit };
}

/** The 200 body of GetAccountsSummary (FLINKS-DATA §2): no transactions, no identity numbers. */
export function accountsSummary(data: DataLogin): Record<string, unknown> {
  const accounts = SANDBOX_ACCOUNTS.map((account, position) => {
    const facts = FACTS_BY_POSITION[position % FACTS_BY_POSITION.length] as AccountFacts;
    return {
      EftEligibleRatio: facts.kind === 'credit' ? 0 : 1,
      ETransferEligibleRatio: facts.kind === 'chequing' ? 1 : 0,
      Title: account.title.en,
      AccountNumber: `100${lastFour(account)}`,
      LastFourDigits: lastFour(account),
      Balance: balance(account, facts),
      Category: facts.category,
      Type: facts.type,
      Currency: account.currency,
      Holder: sandboxHolder(data.login.Username),
      AccountType: 'Personal',
      Id: account.id,
    };
  });
  return { HttpStatusCode: 200, Accounts: accounts, ...envelope(data) };
}

/** The KYC webhook's body (FLINKS-DATA §7): `Holders` at the top level. */
export function kycBody(data: DataLogin): Record<string, unknown> {
  return {
    ResponseType: 'KYC',
    HttpStatusCode: 200,
    Holders: [sandboxHolder(data.login.Username)],
    ...envelope(data),
  };
}
