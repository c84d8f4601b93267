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
export { verifyWebhookSignature } from './webhook-signature';
export type { VerifyWebhookSignatureOptions } from './webhook-signature';
export { createWebhookHandler } from './webhook-handler';
export type {
  AccountsDetailWebhook,
  KycWebhook,
  WebhookContext,
  WebhookHandler,
  WebhookHandlerOptions,
} from './webhook-handler';
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
