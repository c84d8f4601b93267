import { DEFAULT_FILTERS } from './data-accounts';
import type { DetailFilters } from './data-accounts';

export type ParsedDataRequest =
  | { readonly ok: true; readonly requestId: string; readonly filters: DetailFilters }
  | { readonly ok: false; readonly message: string };

const DAYS = ['Days90', 'Days365'] as const;

/**
 * A GetAccountsDetail or GetAccountsSummary body, checked as strictly as Flinks documents it.
 * Omitted options take the defaults every public client sends (FLINKS-DATA §1.1); the summary
 * ignores all but `RequestId`, as its legacy options change nothing here.
 */
export function parseDataRequest(body: unknown, isDetail: boolean): ParsedDataRequest {
  const fail = (message: string): ParsedDataRequest => ({ ok: false, message });
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return fail('The request body must be a JSON object with the RequestId /Authorize answered.');
  }
  const fields = body as Record<string, unknown>;
  const requestId = fields.RequestId;
  if (typeof requestId !== 'string' || requestId.trim() === '') {
    return fail('RequestId is required: send the RequestId /Authorize answered.');
  }
  if (!isDetail) return { ok: true, requestId, filters: DEFAULT_FILTERS };

  const flags: Record<'WithTransactions' | 'WithKYC' | 'WithAccountIdentity', boolean> = {
    WithTransactions: DEFAULT_FILTERS.WithTransactions,
    WithKYC: DEFAULT_FILTERS.WithKYC,
    WithAccountIdentity: DEFAULT_FILTERS.WithAccountIdentity,
  };
  for (const name of Object.keys(flags) as (keyof typeof flags)[]) {
    const value = fields[name];
    if (value === undefined) continue;
    if (typeof value !== 'boolean')
      return fail(`${name} must be true or false, got ${JSON.stringify(value)}.`);
    flags[name] = value;
  }

  const days = fields.DaysOfTransactions ?? DEFAULT_FILTERS.DaysOfTransactions;
  if (!DAYS.includes(days as (typeof DAYS)[number])) {
    return fail(`DaysOfTransactions must be Days90 or Days365, got ${JSON.stringify(days)}.`);
  }

  const filter = fields.AccountsFilter;
  if (
    filter !== undefined &&
    filter !== null &&
    !(Array.isArray(filter) && filter.every((id) => typeof id === 'string'))
  ) {
    return fail('AccountsFilter must be a list of account Ids (strings).');
  }
  // An empty or null filter restricts nothing, like an absent one.
  const accounts = Array.isArray(filter) && filter.length > 0 ? (filter as string[]) : undefined;

  return {
    ok: true,
    requestId,
    filters: {
      ...flags,
      DaysOfTransactions: days as DetailFilters['DaysOfTransactions'],
      AccountsFilter: accounts,
    },
  };
}
