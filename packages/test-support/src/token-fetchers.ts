// Fake `fetchAuthorizeToken`s for the jsdom tests of the React binding and the element.
import { vi } from 'vitest';

/*
 * The parts of core's token contract these fakes touch, declared here rather than imported: core's
 * own tests use this package, so it cannot depend on core. Every test hands its fake to
 * <FlinksConnect> or the element, whose props are typed with core's own `FetchAuthorizeToken`, so a
 * change there still fails the tests' type check.
 */
export interface TokenRequest {
  signal: AbortSignal;
  reason: string;
}

export type TokenAnswer = string | { token: string; expiresAt?: number | string | Date; expiresIn?: number };

type Fetcher = (context: TokenRequest) => Promise<TokenAnswer>;

/** A fetcher answering `token-1`, `token-2`, ... (or what `respond` makes of them), recording every call. */
export function tokenFetcher(
  respond: (token: string, context: TokenRequest) => TokenAnswer = (token) => token,
) {
  let minted = 0;
  return vi.fn<Fetcher>(async (context) => respond(`token-${++minted}`, context));
}

/** A fetcher whose calls stay pending until the test settles them. */
export function pendingFetcher() {
  const calls: { context: TokenRequest; resolve: (value: TokenAnswer) => void }[] = [];
  const fetcher = vi.fn<Fetcher>((context) => new Promise((resolve) => calls.push({ context, resolve })));
  return { fetcher, calls };
}

/** Why each token was asked for, in order: `mount`, `expired`, `retry`, `refresh`. */
export const reasons = (fetcher: { mock: { calls: [TokenRequest][] } }): string[] =>
  fetcher.mock.calls.map(([context]) => context.reason);
