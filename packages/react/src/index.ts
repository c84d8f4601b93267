export { FlinksConnect } from './flinks-connect';
export type {
  ErrorFallbackProps,
  FlinksConnectHandle,
  FlinksConnectOptions,
  FlinksConnectProps,
  FlinksConnectTarget,
  PopupBlockedNoticeProps,
} from './flinks-connect-props';
export { useAuthorizeToken } from './use-authorize-token';
export type { UseAuthorizeTokenOptions, UseAuthorizeTokenResult } from './use-authorize-token';
// Re-exported so an app needs only this package (the same list as @flinks-embed/element's, checked by
// core's binding-exports test): the error class for `instanceof` (and its guard), and the types
// its callbacks and fetcher are written against, the typed step guard, and the tables that say
// what each event means (left out of a bundle that does not use them).
export {
  FLINKS_CODE_DEFINITIONS,
  FlinksConnectError,
  isFlinksConnectError,
  isStep,
  prefetchAuthorizeToken,
  readConnectRedirect,
  STEP_DEFINITIONS,
  TOKEN_SPENDING_STEPS,
  unknownParams,
} from '@flinks-embed/core';
export type {
  AuthorizeTokenOptions,
  AuthorizeTokenResponse,
  ConnectErrorEvent,
  ConnectEvent,
  ConnectParams,
  ConnectStatus,
  ConnectStepEvent,
  FetchAuthorizeToken,
  FlinksConnectErrorCode,
  FlinksConnectLabels,
  InitialToken,
  InvalidMessageInfo,
  KnownFlinksCode,
  KnownStep,
  RedirectDetails,
  RefusedMessageReason,
  RetryOptions,
  TokenRequestContext,
  TokenRequestReason,
  UnknownConnectParams,
} from '@flinks-embed/core';
