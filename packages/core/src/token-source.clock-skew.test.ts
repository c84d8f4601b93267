// The token source on a device whose clock is wrong by seconds to hours: one refresh per token lifetime.
import { describe, expect, it, vi } from 'vitest';
import { createAuthorizeTokenSource } from './index';
import { clock, elapse, MINUTE, now } from '../test/token-source-fixture';

describe('a device clock that is wrong', () => {
  const HOUR = 60 * MINUTE;
  const SKEWS: [string, number][] = [
    ['12 h behind', -12 * HOUR],
    ['1 h behind', -HOUR],
    ['61 s behind', -61_000],
    ['61 s ahead', 61_000],
    ['29 min 59 s ahead', 29 * MINUTE + 59_000],
    ['1 h ahead', HOUR],
    ['12 h ahead', 12 * HOUR],
  ];
  /** A token endpoint on a correct clock: 30-minute tokens, answered after 300 ms. */
  function server(skewMs: number, shape: 'handler' | 'expiresAt only') {
    const startedAt: number[] = [];
    const fetcher = vi.fn(async () => {
      startedAt.push(clock);
      await new Promise((resolve) => setTimeout(resolve, 300));
      const token = `t${startedAt.length}`;
      const expiresAt = clock - skewMs + 30 * MINUTE;
      return shape === 'handler' ? { token, expiresIn: 1800, expiresAt } : { token, expiresAt };
    });
    return { fetcher, startedAt };
  }

  describe.each(SKEWS)('%s', (_, skew) => {
    it.each(['handler', 'expiresAt only'] as const)(
      'with the %s answer: one refresh per lifetime, never later than the token lives',
      async (shape) => {
        const { fetcher, startedAt } = server(skew, shape);
        const source = createAuthorizeTokenSource(fetcher, { now });
        source.start();
        await elapse(3 * 30 * MINUTE);
        // At 0, 29, 58 and 87 minutes: a refresh one margin before each token dies, and no storm.
        expect(fetcher).toHaveBeenCalledTimes(4);
        const gaps = startedAt.slice(1).map((at, i) => at - startedAt[i]!);
        for (const gap of gaps) {
          expect(gap).toBeGreaterThanOrEqual(29 * MINUTE);
          expect(gap).toBeLessThan(30 * MINUTE);
        }
        expect(source.getState()).toMatchObject({ status: 'ready', token: 't4' });
        source.dispose();
      },
    );
  });
});
