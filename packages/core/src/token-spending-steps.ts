import type { KnownStep } from './events';

/**
 * Steps after which the token has been redeemed and the user is mid-session: from then on the
 * iframe is never reloaded for expiry. (Any `flinksCode` event counts too.)
 */
export const TOKEN_SPENDING_STEPS: ReadonlySet<KnownStep | (string & {})> = /* @__PURE__ */ new Set<
  KnownStep | (string & {})
>([
  'SUBMIT_CREDENTIAL',
  'COMPONENT_LOAD_CREDENTIAL_RETRY',
  'COMPONENT_LOAD_MFA',
  'SUBMIT_MFA',
  'COMPONENT_LOAD_MFA_RETRY',
  'ENHANCED_MFA_HAS_QUESTIONS',
  'ENHANCED_MFA_NO_QUESTIONS',
  'COMPONENT_LOAD_ACCOUNT_SELECTION',
  'ACCOUNT_SELECTED',
  'REDIRECT',
  // An OAuth bank's login runs in the pop-up: reloading the iframe would orphan it.
  'POPUP_OPENED',
]);
