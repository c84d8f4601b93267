import { readAuthorizeReply, toAuthorizeBody } from './authorize';
import type { AuthorizeRequest, AuthorizeResult } from './authorize';
import { resolveClientConfig } from './config';
import type { FlinksClientOptions } from './config';
import { FlinksConfigError } from './errors';
import type { FlinksEndpoint } from './errors';
import type { AccountsData } from './accounts';
import { pollAccounts, toDetailBody } from './data';
import type { AccountsDetailOptions, PollOptions } from './data';
import { fetchAccounts } from './fetch-accounts';
import type { FetchAccountsOptions, FetchAccountsResult } from './fetch-accounts';
import { badResponse, callFlinks, httpError, textField } from './flinks-request';

export interface AuthorizeToken {
  /** Single use: one Connect iframe load or one /Authorize call. */
  readonly token: string;
  /** Epoch milliseconds: when the request started + `tokenLifetimeMs` (Flinks does not say). */
  readonly expiresAt: number;
  /** Seconds the token has left, counted on this server's clock when Flinks answered. */
  readonly expiresIn: number;
}

export interface CallOptions {
  /** Aborts the call; the promise then rejects with the signal's reason. */
  readonly signal?: AbortSignal;
}

/**
 * Created even when `secretKey`, `customerId` or `instance`/`baseUrl` is missing (a variable that is
 * set only at run time): then `customerId` or `baseUrl` is `''` and every call rejects with a
 * FlinksConfigError that names what is missing.
 */
export interface FlinksClient {
  readonly instance: string | undefined;
  readonly customerId: string;
  /** Where the API is, e.g. `https://toolbox-api.private.fin.ag`. */
  readonly baseUrl: string;
  /** Mints a single-use authorize token with the secret key. */
  generateAuthorizeToken(options?: CallOptions): Promise<AuthorizeToken>;
  /**
   * Calls /Authorize with a freshly minted token (one per call, as Flinks requires). Resolves to a
   * session (200) or an MFA challenge (203); rejects with a FlinksApiError otherwise, e.g.
   * `flinksCode: 'INVALID_LOGIN'`.
   */
  authorize(request: AuthorizeRequest, options?: CallOptions): Promise<AuthorizeResult>;
  /**
   * `POST /GetAccountsDetail`, then `GET /GetAccountsDetailAsync/{requestId}` every
   * `pollIntervalMs` while Flinks answers 202, until the data (or `still_pending` after `maxWaitMs`).
   */
  getAccountsDetail(options: AccountsDetailOptions): Promise<AccountsData>;
  /** The same for `/GetAccountsSummary` (balances, holder, EFT eligibility; no transactions). */
  getAccountsSummary(options: PollOptions): Promise<AccountsData>;
  /** `DELETE /DeleteCard/{loginId}`: Flinks deletes everything it holds for this login. */
  deleteCard(options: { readonly loginId: string } & CallOptions): Promise<void>;
  /** `authorize({ loginId, mostRecentCached: true })` then `getAccountsDetail`, in one call. */
  fetchAccounts(options: FetchAccountsOptions): Promise<FetchAccountsResult>;
}

/** What to check for an error status; Flinks' own message comes first in the error. */
function hintFor(endpoint: FlinksEndpoint, status: number, flinksCode: string | undefined): string {
  if (endpoint === 'GenerateAuthorizeToken' && (status === 401 || status === 403)) {
    return 'Check that secretKey and customerId belong to this instance (sandbox keys only work on "toolbox").';
  }
  if (status === 404) return 'Check instance (or baseUrl) and customerId.';
  if (status === 429) return 'Too many requests: slow down and retry.';
  if (status >= 500) return 'Flinks is failing: retry later.';
  if (endpoint === 'Authorize' && status === 401 && flinksCode === undefined) {
    return 'Flinks refused the authorize token or the LoginId.';
  }
  if (endpoint === 'DeleteCard' && (status === 401 || status === 403) && flinksCode === undefined) {
    return 'Check apiKey: send the x-api-key Flinks gave you if it enabled one on this instance.';
  }
  return '';
}

export function createFlinksClient(options: FlinksClientOptions): FlinksClient {
  const config = resolveClientConfig(options);

  const generateAuthorizeToken = async ({ signal }: CallOptions = {}): Promise<AuthorizeToken> => {
    if (config.missing !== undefined) throw config.missing;
    const startedAt = config.now();
    const reply = await callFlinks(config, {
      endpoint: 'GenerateAuthorizeToken',
      authKey: config.secretKey,
      signal,
    });
    if (reply.status < 200 || reply.status > 299) {
      throw httpError(
        'GenerateAuthorizeToken',
        reply,
        [config.secretKey],
        hintFor('GenerateAuthorizeToken', reply.status, textField(reply.body, 'FlinksCode')),
      );
    }
    const token = textField(reply.body, 'Token');
    if (token === undefined || token.trim() === '') {
      throw badResponse('GenerateAuthorizeToken', reply, 'a Token');
    }
    const expiresAt = startedAt + config.tokenLifetimeMs;
    return { token, expiresAt, expiresIn: Math.max(0, Math.floor((expiresAt - config.now()) / 1000)) };
  };

  const authorize = async (
    request: AuthorizeRequest,
    { signal }: CallOptions = {},
  ): Promise<AuthorizeResult> => {
    if (config.missing !== undefined) throw config.missing;
    const body = toAuthorizeBody(request);
    // The MFA answer of a flow goes with the token that opened it, as Flinks documents; every
    // other call opens a flow and mints its own.
    const flowToken = 'authorizeToken' in request ? request.authorizeToken : undefined;
    const token =
      typeof flowToken === 'string' && flowToken !== ''
        ? flowToken
        : (await generateAuthorizeToken(signal === undefined ? {} : { signal })).token;
    const reply = await callFlinks(config, { endpoint: 'Authorize', authKey: token, body, signal });
    if (reply.status < 200 || reply.status > 299) {
      const flinksCode = textField(reply.body, 'FlinksCode');
      const sent = [
        config.secretKey,
        token,
        ...('password' in request && request.password !== undefined ? [request.password] : []),
      ];
      throw httpError('Authorize', reply, sent, hintFor('Authorize', reply.status, flinksCode));
    }
    return readAuthorizeReply(reply, token);
  };

  const deleteCard = async ({ loginId, signal }: { readonly loginId: string } & CallOptions) => {
    if (config.missing !== undefined) throw config.missing;
    if (typeof loginId !== 'string' || loginId.trim() === '') {
      throw new FlinksConfigError('deleteCard: pass the loginId to delete, from Connect or authorize().');
    }
    const reply = await callFlinks(config, {
      endpoint: 'DeleteCard',
      method: 'DELETE',
      pathSuffix: `/${encodeURIComponent(loginId)}`,
      apiKey: config.apiKey,
      signal,
    });
    if (reply.status < 200 || reply.status > 299) {
      const hint =
        textField(reply.body, 'FlinksCode') === 'CARD_IN_USE'
          ? 'Flinks is still processing this login: retry later.'
          : hintFor('DeleteCard', reply.status, textField(reply.body, 'FlinksCode'));
      throw httpError('DeleteCard', reply, [config.secretKey, config.apiKey], hint);
    }
  };

  const getAccountsDetail = (options: AccountsDetailOptions): Promise<AccountsData> =>
    pollAccounts(
      config,
      { endpoint: 'GetAccountsDetail', asyncEndpoint: 'GetAccountsDetailAsync', body: toDetailBody(options) },
      options,
    );

  return {
    instance: config.instance,
    customerId: config.customerId,
    baseUrl: config.baseUrl,
    generateAuthorizeToken,
    authorize,
    getAccountsDetail,
    getAccountsSummary: (options) =>
      pollAccounts(
        config,
        {
          endpoint: 'GetAccountsSummary',
          asyncEndpoint: 'GetAccountsSummaryAsync',
          body: { RequestId: options.requestId },
        },
        options,
      ),
    deleteCard,
    fetchAccounts: (options) => fetchAccounts({ authorize, getAccountsDetail }, options),
  };
}
