import {
  DEMO_API,
  type AccountsJob,
  type AccountsRequest,
  type DemoConfig,
  type FaultsRequest,
} from '../shared/demo-api';

/** What the token endpoint answers (`createAuthorizeTokenHandler`). */
export interface TokenEndpointResponse {
  token: string;
  /** Seconds from the request: what the library times the token by. */
  expiresIn?: number;
  expiresAt?: number | string;
}

async function failure(response: Response, what: string): Promise<Error> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  const reason = typeof body?.error === 'string' ? `: ${body.error}` : '';
  return new Error(`${what} answered ${response.status}${reason}`);
}

/**
 * Asks this app's own server for a fresh authorize token. This is the whole client side of the
 * token flow; the server holds the secret key.
 */
export async function postAuthorizeToken(signal: AbortSignal): Promise<TokenEndpointResponse> {
  const response = await fetch(DEMO_API.authorizeToken, { method: 'POST', signal, cache: 'no-store' });
  if (!response.ok) throw await failure(response, 'The token endpoint');
  return (await response.json()) as TokenEndpointResponse;
}

export async function getDemoConfig(signal: AbortSignal): Promise<DemoConfig> {
  const response = await fetch(DEMO_API.config, { signal, cache: 'no-store' });
  if (!response.ok) throw await failure(response, 'The demo server');
  return (await response.json()) as DemoConfig;
}

/** Simulator mode only: makes the simulator fail or slow down the next token requests. */
export async function postFaults(faults: FaultsRequest): Promise<void> {
  const response = await fetch(DEMO_API.faults, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw await failure(response, 'The demo server');
}

/** Asks the server to get the linked accounts from Flinks; answers the job's opaque id. */
export async function postAccountsRequest(request: AccountsRequest, signal: AbortSignal): Promise<string> {
  const response = await fetch(DEMO_API.accounts, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(request),
    signal,
  });
  if (!response.ok) throw await failure(response, 'The demo server');
  return ((await response.json()) as { jobId: string }).jobId;
}

export async function getAccountsJob(jobId: string, signal: AbortSignal): Promise<AccountsJob> {
  const response = await fetch(`${DEMO_API.accounts}/${encodeURIComponent(jobId)}`, {
    signal,
    cache: 'no-store',
  });
  if (!response.ok) throw await failure(response, 'The demo server');
  return (await response.json()) as AccountsJob;
}
