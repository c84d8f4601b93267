// The bench page's token endpoints: a stand-in answering after 1 ms (on the harness's own clock,
// so its timer is not counted as the subject's), and the bench server's real one.
import { harnessClearTimeout, harnessSetTimeout } from './instrument';

let minted = 0;

/** Calls of the stand-in, those answered with a token, and those neither answered nor aborted yet. */
export const fetchCounts = { calls: 0, minted: 0, pending: 0 };

export function fakeToken(signal?: AbortSignal): Promise<{ token: string; expiresIn: number }> {
  fetchCounts.calls++;
  fetchCounts.pending++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      harnessClearTimeout(timer);
      fetchCounts.pending--;
      reject(signal!.reason);
    };
    const timer = harnessSetTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      fetchCounts.pending--;
      fetchCounts.minted++;
      resolve({ token: `tok-${++minted}`, expiresIn: 1800 });
    }, 1);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real endpoint, for time to iframe. */
export const fetchFromServer = (signal?: AbortSignal): Promise<{ token: string }> =>
  fetch('/api/flinks/authorize-token', { method: 'POST', ...(signal && { signal }) }).then((response) => {
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    return response.json() as Promise<{ token: string }>;
  });
