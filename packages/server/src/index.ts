export { createFlinksClient } from './client';
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
export type { FlinksApiErrorCode, FlinksEndpoint } from './errors';
export { createAuthorizeTokenHandler } from './token-handler';
export type { AuthorizeTokenHandlerOptions, FetchHandler } from './token-handler';
