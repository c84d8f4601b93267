import type { DemoConfig } from '../shared/demo-api';
import type { DemoSettings } from './settings';

/** Flinks' documented token lifetime. */
export const FLINKS_TOKEN_LIFETIME_MS = 30 * 60 * 1000;

/**
 * How long the page treats a token as valid: the shortest of the control's choice, the simulator's
 * real lifetime and Flinks' 30 minutes. An unused token is replaced a quarter of that (at most the
 * library's default minute) before it expires.
 */
export function tokenTiming(
  settings: DemoSettings,
  config: DemoConfig,
): { lifetimeMs: number; refreshMarginMs: number } {
  const lifetimeMs = Math.min(
    settings.tokenLifetime === null ? Infinity : settings.tokenLifetime * 1000,
    issuedLifetimeMs(config),
  );
  return { lifetimeMs, refreshMarginMs: Math.min(60_000, lifetimeMs / 4) };
}

/** How long the server's tokens live: the simulator's setting, or Flinks' 30 minutes. */
export function issuedLifetimeMs(config: DemoConfig | null): number {
  return Math.min(
    config?.backend === 'simulator' ? config.tokenLifetimeMs : Infinity,
    FLINKS_TOKEN_LIFETIME_MS,
  );
}

/** The token's expiry: the server's `expiresAt`, cut short by the page's chosen lifetime. */
export function expiryOf(
  serverExpiresAt: number | string | undefined,
  startedAt: number,
  lifetimeMs: number,
): number {
  const server = typeof serverExpiresAt === 'string' ? Date.parse(serverExpiresAt) : serverExpiresAt;
  return Math.min(
    server !== undefined && Number.isFinite(server) ? server : Infinity,
    startedAt + lifetimeMs,
  );
}
