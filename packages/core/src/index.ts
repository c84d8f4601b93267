export {
  buildConnectUrl,
  connectUrlForInstance,
  connectUrlToken,
  paramEntries,
  parseConnectBase,
} from './connect-url';
export type { BooleanParam, ConnectParams, UnknownConnectParams } from './connect-params';
export { booleanParams } from './connect-params';
export { unknownParams } from './param-check';
export {
  frameName,
  IFRAME_ATTRIBUTES,
  IFRAME_STYLE,
  latestCallbacks,
  latestOptions,
  resolveConnectUrl,
  sessionKey,
  tokenOptionsKey,
} from './binding';
export type {
  ConnectBindingOptions,
  ConnectTarget,
  ErrorFallbackProps,
  PopupBlockedNoticeProps,
} from './binding';
export { createConnectSession } from './connect-session';
export { EARLY_MESSAGES_SCRIPT } from './early-messages';
export { prefetchAuthorizeToken } from './initial-token';
export type { InitialToken } from './initial-token';
export { TOKEN_SPENDING_STEPS } from './token-spending-steps';
export type {
  ConnectSession,
  ConnectSessionHandlers,
  ConnectSessionOptions,
  ConnectSessionState,
  ConnectStatus,
  InvalidMessageInfo,
  RefusedMessageReason,
} from './session-types';
export { FlinksConnectError, isFlinksConnectError } from './errors';
export type { FlinksConnectErrorCode } from './errors';
export { FLINKS_CODE_DEFINITIONS, STEP_DEFINITIONS } from './event-definitions';
export { connectLabels } from './labels';
export type { FlinksConnectLabels } from './labels';
export { isStep } from './events';
export type {
  ConnectErrorEvent,
  ConnectEvent,
  ConnectStepEvent,
  KnownFlinksCode,
  KnownStep,
  RedirectDetails,
} from './events';
export {
  classifyConnectMessage,
  parseConnectMessage,
  readConnectRedirect,
  redirectDetails,
} from './messages';
export type { ClassifiedMessage, ConnectMessageSource, MessageSender } from './messages';
export type { AuthorizeTokenOptions, RetryOptions } from './options';
export { createAuthorizeTokenSource } from './token-source';
export type {
  AuthorizeTokenSource,
  AuthorizeTokenState,
  AuthorizeTokenStatus,
  FetchAuthorizeToken,
  TokenRequestContext,
  TokenRequestReason,
} from './token-source';
export type { AuthorizeTokenResponse } from './token-response';
