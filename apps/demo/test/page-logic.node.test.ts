import { describe, expect, it } from 'vitest';
import { formatCountdown } from '../src/format';
import { DEFAULT_SETTINGS, parseSettings, settingsQuery } from '../src/settings';

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
