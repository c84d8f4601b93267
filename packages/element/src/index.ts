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
// Re-exported so an app needs only this package (the same list as @flinks-embed/react's, checked by
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
