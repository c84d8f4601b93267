import { useCallback, useEffect, useState } from 'react';

export type Language = 'en' | 'fr';
export type Theme = 'light' | 'dark';

/** What the controls set. Kept in the URL query so a link (or a test) reproduces the setup. */
export interface DemoSettings {
  language: Language;
  theme: Theme;
  /** Lists Flinks' test bank ("Flinks Capital"). */
  demo: boolean;
  /** Shows Flinks' consent screen first. */
  consent: boolean;
  /** How long the page treats a token as valid, in seconds; `null` takes the server's word. */
  tokenLifetime: number | null;
}

export const DEFAULT_SETTINGS: DemoSettings = {
  language: 'en',
  theme: 'light',
  demo: true,
  consent: true,
  tokenLifetime: null,
};

/** The token lifetimes the control offers, in seconds. */
export const LIFETIME_PRESETS = [300, 60, 20] as const;

const QUERY = {
  language: 'lang',
  theme: 'theme',
  demo: 'demo',
  consent: 'consent',
  tokenLifetime: 'tokenLifetime',
};

function readFlag(value: string | null, fallback: boolean): boolean {
  if (value === null) return fallback;
  return !['0', 'false', 'off', 'no'].includes(value.toLowerCase());
}

export function parseSettings(search: string): DemoSettings {
  const query = new URLSearchParams(search);
  const lifetime = Number(query.get(QUERY.tokenLifetime));
  return {
    language: query.get(QUERY.language) === 'fr' ? 'fr' : 'en',
    theme: query.get(QUERY.theme) === 'dark' ? 'dark' : 'light',
    demo: readFlag(query.get(QUERY.demo), DEFAULT_SETTINGS.demo),
    consent: readFlag(query.get(QUERY.consent), DEFAULT_SETTINGS.consent),
    // Whole seconds from 5 s up to Flinks' 30 minutes; anything else means "as issued".
    tokenLifetime: Number.isInteger(lifetime) && lifetime >= 5 && lifetime <= 1800 ? lifetime : null,
  };
}

export function settingsQuery(settings: DemoSettings): string {
  const query = new URLSearchParams();
  if (settings.language !== DEFAULT_SETTINGS.language) query.set(QUERY.language, settings.language);
  if (settings.theme !== DEFAULT_SETTINGS.theme) query.set(QUERY.theme, settings.theme);
  if (settings.demo !== DEFAULT_SETTINGS.demo) query.set(QUERY.demo, settings.demo ? '1' : '0');
  if (settings.consent !== DEFAULT_SETTINGS.consent) query.set(QUERY.consent, settings.consent ? '1' : '0');
  if (settings.tokenLifetime !== null) query.set(QUERY.tokenLifetime, String(settings.tokenLifetime));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The settings, read from the URL and written back to it (replacing the history entry). */
export function useSettings(): [DemoSettings, (patch: Partial<DemoSettings>) => void] {
  const [settings, setSettings] = useState(() => parseSettings(window.location.search));
  useEffect(() => {
    const url = `${window.location.pathname}${settingsQuery(settings)}${window.location.hash}`;
    window.history.replaceState(window.history.state, '', url);
  }, [settings]);
  const update = useCallback(
    (patch: Partial<DemoSettings>) => setSettings((current) => ({ ...current, ...patch })),
    [],
  );
  return [settings, update];
}
