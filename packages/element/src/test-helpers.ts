// Shared by the jsdom tests: fake time, what the Connect iframe would post, and listener tracking.
import type { AuthorizeTokenResponse, FetchAuthorizeToken, TokenRequestContext } from '@flinks-embed/core';
import { afterEach, beforeEach, expect, vi } from 'vitest';

export const INSTANCE = 'toolbox';
export const CONNECT_ORIGIN = 'https://toolbox-iframe.private.fin.ag';

/** Fake timers for every test; the page is emptied after each. */
export function setupTestEnvironment(): void {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    document.body.replaceChildren();
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });
}

/** Moves fake time (and `Date.now`) forward, running timers and the promises they settle. */
export const advance = async (ms: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
};

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

/** The single Connect iframe on the page. */
export function frame(): HTMLIFrameElement {
  const all = [...document.querySelectorAll('iframe')];
  expect(all).toHaveLength(1);
  return all[0]!;
}

export const tokenIn = (src: string): string | null => new URL(src).searchParams.get('authorizeToken');

/** A `message` event on the page, as the Connect iframe (by default) would post it. */
export function post(
  data: unknown,
  {
    origin = CONNECT_ORIGIN,
    source = frame().contentWindow,
  }: { origin?: string; source?: Window | null } = {},
): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/** The types of the listeners added to `target` from now on and not removed since. */
export function trackListeners(target: EventTarget): () => string[] {
  const live: { type: string; listener: unknown }[] = [];
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
    live.push({ type, listener });
    add(type, listener, options);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
    const index = live.findIndex((entry) => entry.type === type && entry.listener === listener);
    if (index >= 0) live.splice(index, 1);
    remove(type, listener, options);
  });
  return () => live.map((entry) => entry.type);
}

/** Errors rethrown asynchronously (an app callback's), caught instead of failing the run. */
export function catchRethrown(): unknown[] {
  const thrown: unknown[] = [];
  const queue = globalThis.queueMicrotask;
  vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
    queue(() => {
      try {
        task();
      } catch (error) {
        thrown.push(error);
      }
    }),
  );
  // Core reports an app callback's error with reportError, which browsers have and jsdom lacks.
  vi.stubGlobal('reportError', (error: unknown) => thrown.push(error));
  return thrown;
}
