export { mountFlinksConnect } from './mount';
export type {
  ErrorFallbackProps,
  FlinksConnectMount,
  FlinksConnectTarget,
  MountFlinksConnectOptions,
  MountFlinksConnectProps,
  PopupBlockedNoticeProps,
} from './mount';
// Types only: the element itself is registered by `@flinks-embed/element/define`, so an app that
// only mounts never bundles it.
export type {
  FlinksConnectElement,
  FlinksConnectElementProperties,
  FlinksConnectEventMap,
} from './flinks-connect-element';
// Re-exported so an app needs only this package: the error class for `instanceof`, and the types
// its callbacks and fetcher are written against.
export { FlinksConnectError, TOKEN_SPENDING_STEPS } from '@flinks-embed/core';
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
  KnownFlinksCode,
  KnownStep,
  RedirectDetails,
  RetryOptions,
  TokenRequestContext,
  TokenRequestReason,
} from '@flinks-embed/core';
