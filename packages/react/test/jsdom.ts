// The jsdom helpers of @flinks-embed/test-support, with what changes React's state run in act()
// and every test failed by a console.error (React reports act(), key and unmounted-update problems there).
import { act, cleanup } from '@testing-library/react';
import {
  advance as advanceTime,
  post as postFromFrame,
  setupTestEnvironment as setupPage,
  type FrameMessageOptions,
} from '@flinks-embed/test-support/jsdom';

export { CONNECT_ORIGIN, frame, frames, INSTANCE, tokenIn } from '@flinks-embed/test-support/jsdom';
export { pendingFetcher, reasons, tokenFetcher } from '@flinks-embed/test-support/token-fetchers';

export const DEFAULT_TITLE = 'Connect your bank account';
export const MINUTE = 60_000;

/** Fake timers for every test, unmount after each, and fail the test on any `console.error`. */
export const setupTestEnvironment = (): void => setupPage({ cleanup, failOnConsoleError: true });

/** Moves fake time (and `Date.now`) forward, running timers and the promises they settle. */
export const advance = (ms: number): Promise<void> => act(() => advanceTime(ms));

/** Runs what is due now: the deferred first fetch and the fetcher's answer. */
export const flush = (): Promise<void> => advance(0);

/** A `message` event on the page, as the Connect iframe (by default) would post it. */
export const post = (data: unknown, options?: FrameMessageOptions): void =>
  act(() => postFromFrame(data, options));
