import { describe, expect, it } from 'vitest';
import { chooseBackend } from '../scripts/run.mjs';

describe('which Flinks `pnpm dev` and `pnpm start` use', () => {
  it('is real Flinks with all three credentials, and the simulator with none (blank counts as none)', () => {
    expect(
      chooseBackend({ FLINKS_INSTANCE: 'toolbox', FLINKS_CUSTOMER_ID: 'id', FLINKS_SECRET_KEY: 'key' }),
    ).toBe('flinks');
    expect(chooseBackend({})).toBe('simulator');
    expect(chooseBackend({ FLINKS_INSTANCE: ' ', FLINKS_SECRET_KEY: '' })).toBe('simulator');
  });

  it('stops on some but not all, naming what is missing and never a value', () => {
    const run = () => chooseBackend({ FLINKS_INSTANCE: 'toolbox', FLINKS_SECRET_KEY: 'the-secret-value' });
    expect(run).toThrow(/missing: FLINKS_CUSTOMER_ID\)/);
    expect(run).toThrow(/or none of them to use the local simulator\. See apps\/next\/\.env\.example\./);
    expect(run).not.toThrow(/the-secret-value/);
  });
});
