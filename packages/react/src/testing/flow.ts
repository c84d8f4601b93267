import type { KnownFlinksCode, KnownStep } from '@flinks-embed/core';

/** What a step event carries besides `step`, as the Connect frame posts it. */
export type StepPayload = Record<string, unknown>;

/** A message the kit posts: a step or an error code, with its payload. */
export type FlowMessage = { step: KnownStep } & StepPayload;

/** The sandbox bank's institution id, as Connect puts it in events and redirect URLs. */
export const SANDBOX_INSTITUTION = 'FlinksCapital';

/** What `completeFlow` needs to know; every field but `loginId` has a sandbox default. */
export interface CompleteFlowOptions {
  /** The login Connect reports in `REDIRECT` (and in the redirect URL's query). */
  loginId: string;
  /** Default `FlinksCapital`, the sandbox bank. */
  institution?: string;
  requestId?: string;
  accountId?: string;
  /** Include the consent screen's steps. Default: what the iframe `src` says (`consentEnable=true`). */
  consent?: boolean;
  /** Include the security question's steps. Default `true`. */
  mfa?: boolean;
}

const stepsBefore = (consent: boolean): KnownStep[] => [
  ...(consent ? (['COMPONENT_LOAD_CONSENT', 'COMPONENT_ACCEPT_CONSENT'] as const) : []),
  'COMPONENT_LOAD_INSTITUTION_SELECTOR',
  'INSTITUTION_SELECTED',
  'COMPONENT_LOAD_CREDENTIAL',
  'SUBMIT_CREDENTIAL',
];

/**
 * The documented happy path after `APP_MOUNTED` (FLINKS.md, "Events the iframe posts"), with the
 * payloads Connect sends: consent (when on), institution, credentials, MFA (when on), account,
 * `REDIRECT` with `loginId`, `requestId`, `institution`, `accountId` and, when the iframe was given
 * a `redirectUrl`, the `url` Connect sends the frame to (with the same fields in its query).
 */
export function happyPath(options: Required<CompleteFlowOptions>, redirectUrl: string | null): FlowMessage[] {
  const { loginId, institution, requestId, accountId, consent, mfa } = options;
  const withPayload: Partial<Record<KnownStep, StepPayload>> = {
    COMPONENT_LOAD_INSTITUTION_SELECTOR: { cached: false },
    INSTITUTION_SELECTED: { institution },
    COMPONENT_LOAD_MFA: { mfaTypes: ['QuestionAndAnswer'], institution },
    COMPONENT_LOAD_ACCOUNT_SELECTION: { totalAccounts: 3, displayedAccounts: 3 },
    ACCOUNT_SELECTED: { accountId, institution },
  };
  const steps: KnownStep[] = [
    ...stepsBefore(consent),
    ...(mfa ? (['COMPONENT_LOAD_MFA', 'SUBMIT_MFA'] as const) : []),
    'COMPONENT_LOAD_ACCOUNT_SELECTION',
    'ACCOUNT_SELECTED',
  ];
  const result = { loginId, requestId, institution, accountId };
  let url: string | undefined;
  if (redirectUrl) {
    const landing = new URL(redirectUrl);
    for (const [key, value] of Object.entries(result)) landing.searchParams.set(key, value);
    url = landing.href;
  }
  return [
    ...steps.map((step) => ({ step, ...withPayload[step] })),
    { step: 'REDIRECT', ...result, ...(url && { url }) },
  ];
}

/** An error-code event's payload defaults, as Connect posts them. */
export const errorMessage = (
  flinksCode: KnownFlinksCode,
  requestId: string,
  payload: StepPayload = {},
): StepPayload => ({ flinksCode, requestId, institution: SANDBOX_INSTITUTION, ...payload });
