import type { FlinksSimulator } from '../src/index';

/** `POST GenerateAuthorizeToken` with the simulator's own key unless another is given. */
export function requestToken(
  sim: FlinksSimulator,
  key: string | null = sim.secretKey,
  customerId = sim.customerId,
): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}/v3/${customerId}/BankingServices/GenerateAuthorizeToken`, {
    method: 'POST',
    headers: { Accept: 'application/json', ...(key === null ? {} : { 'flinks-auth-key': key }) },
  });
}

export async function mintToken(sim: FlinksSimulator): Promise<string> {
  const response = await requestToken(sim);
  if (response.status !== 200) throw new Error(`GenerateAuthorizeToken answered ${response.status}`);
  const { Token } = (await response.json()) as { Token: string };
  return Token;
}

export function callAuthorize(sim: FlinksSimulator, token: string | null, body: unknown): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}/v3/${sim.customerId}/BankingServices/Authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { 'flinks-auth-key': token }) },
    body: JSON.stringify(body),
  });
}

export const GREATDAY = { Username: 'Greatday', Password: 'Everyday', Institution: 'FlinksCapital' } as const;
export const NO_MFA = {
  Username: 'greatday_nomfa',
  Password: 'Everyday',
  Institution: 'FlinksCapital',
} as const;
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A clock a test moves by hand. */
export function manualClock(start = Date.parse('2025-06-01T12:00:00Z')): {
  now: () => number;
  advance: (ms: number) => void;
} {
  let time = start;
  return { now: () => time, advance: (ms) => void (time += ms) };
}
