import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../src/format';
import { DEFAULT_SETTINGS, parseSettings, settingsQuery } from '../src/settings';
import { INITIAL_TOKEN_ACTIVITY, reduceTokenActivity, type TokenActivityAction } from '../src/token-activity';

const replay = (actions: TokenActivityAction[]) =>
  actions.reduce(reduceTokenActivity, INITIAL_TOKEN_ACTIVITY);

describe('settings in the URL', () => {
  it('reads every control from the query, and falls back to the defaults', () => {
    expect(parseSettings('')).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('?lang=fr&theme=dark&demo=0&consent=false&tokenLifetime=20')).toEqual({
      language: 'fr',
      theme: 'dark',
      demo: false,
      consent: false,
      tokenLifetime: 20,
    });
    // Out of range or not a whole number of seconds: "as issued".
    expect(parseSettings('?tokenLifetime=2').tokenLifetime).toBeNull();
    expect(parseSettings('?tokenLifetime=7200').tokenLifetime).toBeNull();
    expect(parseSettings('?tokenLifetime=abc').tokenLifetime).toBeNull();
  });

  it('writes only what differs from the defaults, and reads back what it wrote', () => {
    expect(settingsQuery(DEFAULT_SETTINGS)).toBe('');
    const settings = { ...DEFAULT_SETTINGS, language: 'fr' as const, consent: false, tokenLifetime: 60 };
    expect(settingsQuery(settings)).toBe('?lang=fr&consent=0&tokenLifetime=60');
    expect(parseSettings(settingsQuery(settings))).toEqual(settings);
  });
});

describe('formatting', () => {
  it('counts down in mm:ss', () => {
    expect(formatCountdown(1_800_000)).toBe('30:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(9_000)).toBe('00:09');
    expect(formatCountdown(-5)).toBe('00:00');
  });
});

describe('the token panel and a prefetched first token', () => {
  const timing = { type: 'timing', expiresAt: 2_000_000, refreshAt: 1_900_000 } as const;

  it('counts a prefetched token as used only once Connect loads it', () => {
    const waiting = replay([{ type: 'request', prefetch: true }, { type: 'prefetched' }]);
    expect(waiting).toMatchObject({ phase: 'prefetched', prefetch: 'waiting', tokensUsed: 0 });
    expect(reduceTokenActivity(waiting, timing)).toMatchObject({
      phase: 'loading',
      prefetch: 'used',
      tokensUsed: 1,
      expiresAt: timing.expiresAt,
    });
  });

  it('shows a prefetch the library dropped (too old by the time Connect started), and counts the fetched one', () => {
    const state = replay([
      { type: 'request', prefetch: true },
      { type: 'prefetched' },
      { type: 'request', prefetch: false },
      { type: 'received' },
      timing,
    ]);
    expect(state).toMatchObject({ phase: 'loading', prefetch: 'dropped', tokensUsed: 1 });
  });

  it('drops a failed prefetch without counting it as a failed try, and a remount starts without one', () => {
    const failed = replay([{ type: 'request', prefetch: true }, { type: 'prefetch-dropped' }]);
    expect(failed).toMatchObject({ phase: 'idle', prefetch: 'dropped', failures: 0 });
    expect(reduceTokenActivity(failed, { type: 'request', prefetch: false })).toMatchObject({
      phase: 'requesting',
      attempt: 1,
    });
    expect(
      replay([{ type: 'request', prefetch: true }, { type: 'prefetched' }, timing, { type: 'remount' }]),
    ).toMatchObject({
      phase: 'idle',
      prefetch: 'none',
      tokensUsed: 1,
    });
  });
});
