import { describe, expect, it } from 'vitest';
import type { DemoConfig } from '../shared/demo-api';
import { formatCountdown } from '../src/format';
import { DEFAULT_SETTINGS, parseSettings, settingsQuery } from '../src/settings';
import { expiryOf, tokenTiming } from '../src/token-timing';

const simulator = (tokenLifetimeMs: number): DemoConfig => ({
  backend: 'simulator',
  connectUrl: 'http://127.0.0.1:4000/v2/',
  tokenLifetimeMs,
  sandbox: {
    institution: 'Flinks Capital',
    username: 'Greatday',
    password: 'Everyday',
    securityQuestion: 'What city were you born in?',
    securityAnswer: 'Montreal',
  },
});
const flinks: DemoConfig = { backend: 'flinks', instance: 'toolbox', sandbox: null };

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

describe('token timing', () => {
  it('uses the shortest of the chosen lifetime, the simulator’s and Flinks’ 30 minutes', () => {
    expect(tokenTiming(DEFAULT_SETTINGS, flinks)).toEqual({ lifetimeMs: 1_800_000, refreshMarginMs: 60_000 });
    expect(tokenTiming(DEFAULT_SETTINGS, simulator(16_000))).toEqual({
      lifetimeMs: 16_000,
      refreshMarginMs: 4_000,
    });
    expect(tokenTiming({ ...DEFAULT_SETTINGS, tokenLifetime: 20 }, flinks)).toEqual({
      lifetimeMs: 20_000,
      refreshMarginMs: 5_000,
    });
    expect(tokenTiming({ ...DEFAULT_SETTINGS, tokenLifetime: 300 }, simulator(60_000)).lifetimeMs).toBe(
      60_000,
    );
  });

  it('never lets a token outlive what the server said', () => {
    const start = Date.parse('2026-01-01T12:00:00Z');
    expect(expiryOf(start + 1_800_000, start, 20_000)).toBe(start + 20_000);
    expect(expiryOf(start + 10_000, start, 20_000)).toBe(start + 10_000);
    expect(expiryOf(new Date(start + 10_000).toISOString(), start, 20_000)).toBe(start + 10_000);
    expect(expiryOf(undefined, start, 20_000)).toBe(start + 20_000);
    expect(expiryOf('not a date', start, 20_000)).toBe(start + 20_000);
  });

  it('counts down in mm:ss', () => {
    expect(formatCountdown(1_800_000)).toBe('30:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(9_000)).toBe('00:09');
    expect(formatCountdown(-5)).toBe('00:00');
  });
});
