import type { FLINKS_CODE_DEFINITIONS, STEP_DEFINITIONS } from './event-definitions';

/** A step Flinks documents (or that is seen in the wild); see `STEP_DEFINITIONS`. */
export type KnownStep = keyof typeof STEP_DEFINITIONS;
/** An error code Flinks documents; see `FLINKS_CODE_DEFINITIONS`. */
export type KnownFlinksCode = keyof typeof FLINKS_CODE_DEFINITIONS;

/** A step event: `{ step: 'APP_MOUNTED' }`, `{ step: 'INSTITUTION_SELECTED', institution }`, ... */
export interface ConnectStepEvent {
  type: 'step';
  /** Unknown steps pass through: the list Flinks posts is not closed. */
  step: KnownStep | (string & {});
  /** The payload as Flinks posted it (parsed when it came as a JSON string). */
  data: Record<string, unknown>;
}

/** An error-code event: `{ flinksCode: 'INVALID_LOGIN', requestId, institution }`. */
export interface ConnectErrorEvent {
  type: 'error';
  flinksCode: KnownFlinksCode | (string & {});
  data: Record<string, unknown>;
}

export type ConnectEvent = ConnectStepEvent | ConnectErrorEvent;

/** What a successful Connect session gives the app. */
export interface RedirectDetails {
  loginId: string;
  institution: string;
  requestId?: string;
  accountId?: string;
  tag?: string;
  url?: string;
}

/**
 * Narrows an event to one known step, and catches a misspelled step at compile time (a plain
 * `event.step === 'INSTITUTION_SELECTD'` type-checks, as unknown steps pass through). Compare
 * `event.step` directly for a step the library does not know.
 *
 * @example if (isStep(event, 'INSTITUTION_SELECTED')) showBank(event.data.institution);
 */
export const isStep = <Step extends KnownStep>(
  event: ConnectEvent,
  step: Step,
): event is ConnectStepEvent & { step: Step } => event.type === 'step' && event.step === step;
