import type { TokenRequestContext } from '@flinks-embed/react';

/** What a story's controls set on its in-browser token endpoint. */
export interface FakeTokenServerSettings {
  /** How long each token request takes, in milliseconds. */
  latencyMs: number;
  /** How many requests fail (HTTP 503) before the endpoint answers again. */
  failures: number;
  /** How long each minted token lives, in seconds (sent as `expiresIn` and `expiresAt`, like @flinks-embed/server). */
  lifetimeSeconds: number;
}

export type TokenRequestOutcome = 'pending' | 'minted' | 'failed' | 'aborted';

/** One call of the fetcher, as the log under a story shows it. */
export interface TokenRequestRecord {
  id: number;
  reason: TokenRequestContext['reason'];
  outcome: TokenRequestOutcome;
  token?: string;
  expiresAt?: number;
}

export interface FakeTokenServer {
  /** The `fetchAuthorizeToken` to give `<FlinksConnect>` or `useAuthorizeToken`. */
  fetchAuthorizeToken: (
    context: TokenRequestContext,
  ) => Promise<{ token: string; expiresIn: number; expiresAt: number }>;
  getRequests(): readonly TokenRequestRecord[];
  subscribe(listener: () => void): () => void;
}

/** A fake authorize token; `crypto.randomUUID` needs a secure context, a plain-http host may not be one. */
function newToken(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0'));
  return hex.join('').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-');
}

/**
 * Stands in for the app's token route (`POST /api/flinks/authorize-token`) inside the browser, so
 * stories need no server: every call waits `latencyMs` (and honours the abort signal), the first
 * `failures` calls reject, the others mint a random token that expires after `lifetimeSeconds`.
 */
export function createFakeTokenServer({
  latencyMs,
  failures,
  lifetimeSeconds,
}: FakeTokenServerSettings): FakeTokenServer {
  let requests: readonly TokenRequestRecord[] = [];
  let failuresLeft = failures;
  const listeners = new Set<() => void>();
  const update = (id: number, patch: Partial<TokenRequestRecord>): void => {
    requests = requests.map((request) => (request.id === id ? { ...request, ...patch } : request));
    listeners.forEach((listener) => listener());
  };

  return {
    fetchAuthorizeToken: ({ signal, reason }) =>
      new Promise((resolve, reject) => {
        const id = requests.length + 1;
        requests = [...requests, { id, reason, outcome: 'pending' }];
        listeners.forEach((listener) => listener());
        const onAbort = (): void => {
          clearTimeout(timer);
          update(id, { outcome: 'aborted' });
          reject(signal.reason);
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          if (failuresLeft > 0) {
            failuresLeft -= 1;
            update(id, { outcome: 'failed' });
            reject(new Error('The token endpoint answered 503 (simulated outage).'));
            return;
          }
          const token = newToken();
          const expiresAt = Date.now() + lifetimeSeconds * 1000;
          update(id, { outcome: 'minted', token, expiresAt });
          resolve({ token, expiresIn: lifetimeSeconds, expiresAt });
        }, latencyMs);
        if (signal.aborted) onAbort();
        else signal.addEventListener('abort', onAbort, { once: true });
      }),
    getRequests: () => requests,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
