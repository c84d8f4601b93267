// The page around the Connect iframe in the jsdom tests: fake time, the iframe, and the messages
// Connect would post. The React binding wraps the ones that update its state in act().
import { afterEach, beforeEach, expect, vi, type MockInstance } from 'vitest';

export const INSTANCE = 'toolbox';
export const CONNECT_ORIGIN = 'https://toolbox-iframe.private.fin.ag';

export interface TestEnvironmentOptions {
  /** Empties the page after each test (default: removes everything in `<body>`). */
  cleanup?: () => void;
  /** Fails a test that wrote to `console.error` (React reports act(), key and unmounted-update problems there). */
  failOnConsoleError?: boolean;
}

/** Fake timers for every test; after each, the page is emptied and timers, mocks and globals restored. */
export function setupTestEnvironment({
  cleanup = () => document.body.replaceChildren(),
  failOnConsoleError = false,
}: TestEnvironmentOptions = {}): void {
  let consoleError: MockInstance<typeof console.error> | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    if (failOnConsoleError) consoleError = vi.spyOn(console, 'error');
  });
  afterEach(() => {
    // The live list of calls: what the cleanup itself reports counts too.
    const errors = consoleError?.mock.calls;
    cleanup();
    vi.useRealTimers();
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
    if (errors) expect(errors).toEqual([]);
  });
}

/** Moves fake time (and `Date.now`) forward, running timers and the promises they settle. */
export const advance = async (ms: number): Promise<void> => {
  await vi.advanceTimersByTimeAsync(ms);
};

/** Runs what is due now: the deferred first fetch and the fetcher's answer. */
export const flush = (): Promise<void> => advance(0);

/** Every Connect iframe on the page. */
export const frames = (): HTMLIFrameElement[] => [...document.querySelectorAll('iframe')];

/** The single Connect iframe on the page. */
export function frame(): HTMLIFrameElement {
  const all = frames();
  expect(all).toHaveLength(1);
  return all[0]!;
}

/** The `authorizeToken` in an iframe `src`, or `null`. */
export function tokenIn(src: string): string | null {
  try {
    return new URL(src).searchParams.get('authorizeToken');
  } catch {
    return null;
  }
}

export interface FrameMessageOptions {
  /** Default: Connect's origin for INSTANCE. */
  origin?: string;
  /** Default: the single iframe's window, as Connect's messages have it. */
  source?: Window | null;
}

/** A `message` event on the page, as the Connect iframe (by default) would post it. */
export function post(
  data: unknown,
  { origin = CONNECT_ORIGIN, source = frame().contentWindow }: FrameMessageOptions = {},
): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}
