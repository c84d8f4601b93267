// Shared by the jsdom tests: fake time, cleanup, and what the Connect iframe would do.
import type { AuthorizeTokenResponse, FetchAuthorizeToken, TokenRequestContext } from '@flinks-embed/core';
import { act, cleanup } from '@testing-library/react';
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';
import { dispatchFrameMessage, tokenIn } from './testing/frame-messages';

export { tokenIn };

export const INSTANCE = 'toolbox';
export const CONNECT_ORIGIN = 'https://toolbox-iframe.private.fin.ag';
export const DEFAULT_TITLE = 'Connect your bank account';

/**
 * Fake timers for every test, unmount after each, and fail the test on any `console.error`:
 * React reports act(), hydration, key and unmounted-update problems there.
 */
export function setupTestEnvironment(): void {
  let consoleError: MockInstance<typeof console.error>;
  beforeEach(() => {
    vi.useFakeTimers();
    consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    const errors = consoleError.mock.calls;
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
    expect(errors).toEqual([]);
  });
}

/** Moves fake time (and `Date.now`) forward, running timers and the promises they settle. */
export const advance = (ms: number): Promise<void> =>
  act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });

/** Runs what is due now: the deferred first fetch and the fetcher's answer. */
export const flush = (): Promise<void> => advance(0);

/** A fetcher answering `token-1`, `token-2`, ... (or what `respond` makes of them), recording every call. */
export function tokenFetcher(
  respond: (token: string, context: TokenRequestContext) => AuthorizeTokenResponse = (token) => token,
) {
  let minted = 0;
  return vi.fn<FetchAuthorizeToken>(async (context) => respond(`token-${++minted}`, context));
}

/** A fetcher whose calls stay pending until the test settles them. */
export function pendingFetcher() {
  const calls: { context: TokenRequestContext; resolve: (value: AuthorizeTokenResponse) => void }[] = [];
  const fetcher = vi.fn<FetchAuthorizeToken>(
    (context) => new Promise((resolve) => calls.push({ context, resolve })),
  );
  return { fetcher, calls };
}

export const reasons = (fetcher: { mock: { calls: [TokenRequestContext][] } }): string[] =>
  fetcher.mock.calls.map(([context]) => context.reason);

/** Every Connect iframe on the page. */
export const frames = (): HTMLIFrameElement[] => [...document.querySelectorAll('iframe')];

/** The single Connect iframe on the page. */
export function frame(): HTMLIFrameElement {
  const all = frames();
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** A `message` event on the page, as the Connect iframe (by default) would post it. */
export const post = (
  data: unknown,
  {
    origin = CONNECT_ORIGIN,
    source = frame().contentWindow,
  }: { origin?: string; source?: Window | null } = {},
): void => act(() => dispatchFrameMessage(data, origin, source));
