import { afterEach, expect } from 'vitest';
import { startFlinksSimulator } from '../src/index';
import type { FlinksSimulator, SimulatorOptions } from '../src/index';
import { NO_MFA, callAuthorize, mintToken } from './support';

export interface Session {
  readonly requestId: string;
  readonly loginId: string;
}

async function session(response: Response): Promise<Session> {
  const body = (await response.json()) as { RequestId: string; Login?: { Id: string } };
  if (response.status !== 200 || body.Login === undefined) {
    throw new Error(`Authorize answered ${response.status}: ${JSON.stringify(body)}`);
  }
  return { requestId: body.RequestId, loginId: body.Login.Id };
}

/** A direct /Authorize with credentials, as an app's server logs in without Connect. */
export async function loginDirect(sim: FlinksSimulator, credentials: object = NO_MFA): Promise<Session> {
  return session(await callAuthorize(sim, await mintToken(sim), credentials));
}

/** What the Connect page does: load with a token, then /Authorize with that token. */
export async function loginThroughConnect(sim: FlinksSimulator): Promise<Session> {
  const token = await mintToken(sim);
  const page = await fetch(`${sim.connectUrl}?demo=true&authorizeToken=${token}`);
  await page.text();
  return session(await callAuthorize(sim, token, NO_MFA));
}

/** The app server's cached /Authorize for a stored loginId. */
export async function authorizeCached(sim: FlinksSimulator, loginId: string): Promise<Session> {
  return session(
    await callAuthorize(sim, await mintToken(sim), { LoginId: loginId, MostRecentCached: true }),
  );
}

export function bankingUrl(sim: FlinksSimulator, path: string): string {
  return `${sim.apiBaseUrl}/v3/${sim.customerId}/BankingServices/${path}`;
}

export function postData(
  sim: FlinksSimulator,
  endpoint: 'GetAccountsDetail' | 'GetAccountsSummary',
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(bankingUrl(sim, endpoint), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

export function poll(
  sim: FlinksSimulator,
  endpoint: 'GetAccountsDetailAsync' | 'GetAccountsSummaryAsync',
  requestId: string,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(bankingUrl(sim, `${endpoint}/${requestId}`), init);
}

/** Status and parsed JSON of a response. */
export async function read(response: Response): Promise<{ status: number; body: Record<string, unknown> }> {
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A `start(options)` for one test file: each simulator it starts is closed after its test. */
export function simulatorPerTest(): (options?: SimulatorOptions) => Promise<FlinksSimulator> {
  let sim: FlinksSimulator | undefined;
  afterEach(() => sim?.close());
  return async (options = {}) => {
    sim = await startFlinksSimulator(options);
    return sim;
  };
}

/** A data endpoint's 202 body, as Flinks documents it. */
export const PENDING = (requestId: string, code = 'OPERATION_PENDING', rel = 'GetAccountsDetailAsync') => ({
  FlinksCode: code,
  Links: [{ rel, href: `/${rel}`, example: `/${rel}/{RequestId}` }],
  HttpStatusCode: 202,
  Message:
    code === 'OPERATION_PENDING'
      ? 'Your operation is still processing'
      : expect.stringMatching(/210 seconds/),
  RequestId: requestId,
});

/** The fields of an account the tests read. */
export interface Account {
  Id: string;
  Transactions?: { Date: string; Debit: number | null; Credit: number | null; Balance: number; Id: string }[];
  Balance: { Current: number };
  Holder: unknown;
  TransitNumber: string | null;
  InstitutionNumber: string | null;
  AccountNumber: string | null;
}
