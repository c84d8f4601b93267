import { describe, expect, it } from 'vitest';
import { isStep, type ConnectEvent } from './index';

const institutionSelected: ConnectEvent = {
  type: 'step',
  step: 'INSTITUTION_SELECTED',
  data: { step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' },
};
const invalidLogin: ConnectEvent = {
  type: 'error',
  flinksCode: 'INVALID_LOGIN',
  data: { flinksCode: 'INVALID_LOGIN' },
};

describe('isStep', () => {
  it('is true for that step only', () => {
    expect(isStep(institutionSelected, 'INSTITUTION_SELECTED')).toBe(true);
    expect(isStep(institutionSelected, 'APP_MOUNTED')).toBe(false);
    expect(isStep(invalidLogin, 'INSTITUTION_SELECTED')).toBe(false);
  });

  it('narrows the event to a step event with that step', () => {
    const event: ConnectEvent = institutionSelected;
    if (isStep(event, 'INSTITUTION_SELECTED')) {
      const step: 'INSTITUTION_SELECTED' = event.step;
      expect(step).toBe('INSTITUTION_SELECTED');
      expect(event.data.institution).toBe('FlinksCapital');
    }
  });

  it('rejects a misspelled step at compile time', () => {
    // @ts-expect-error: 'INSTITUTION_SELECTD' is no step Flinks posts (a typo of INSTITUTION_SELECTED)
    expect(isStep(institutionSelected, 'INSTITUTION_SELECTD')).toBe(false);
    // @ts-expect-error: a Flinks error code is not a step
    expect(isStep(invalidLogin, 'INVALID_LOGIN')).toBe(false);
  });
});
