export { createFlinksClient } from './client';
export type {
  Account,
  AccountBalance,
  AccountHolder,
  AccountsData,
  FlinksAddress,
  Transaction,
} from './accounts';
export type { AccountsDetailOptions, PendingInfo, PollOptions } from './data';
export type { FetchAccountsOptions, FetchAccountsResult } from './fetch-accounts';
export type { FlinksErrorAction } from './error-actions';
export type { AuthorizeToken, CallOptions, FlinksClient } from './client';
export type { FlinksClientCommonOptions, FlinksClientOptions, FlinksTarget } from './config';
export type {
  AnswerSecurityChallenges,
  AuthorizeMfaChallenge,
  AuthorizeRequest,
  AuthorizeResult,
  AuthorizeSession,
  AuthorizeWithCredentials,
  AuthorizeWithLoginId,
  FlinksLogin,
  SecurityChallenge,
} from './authorize';
export { FlinksApiError, FlinksConfigError } from './errors';
export type { FlinksApiErrorCode, FlinksApiErrorDetails, FlinksEndpoint } from './errors';
export { createAuthorizeTokenHandler } from './token-handler';
export type { AuthorizeTokenHandlerOptions, FetchHandler } from './token-handler';
