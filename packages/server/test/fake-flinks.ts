import { afterEach, beforeEach, vi } from 'vitest';
import { createFlinksClient } from '../src/index';
import type { FlinksClientCommonOptions } from '../src/index';

export const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';
export const SECRET = 'sk_live_SUPERSECRET_4242';
export const API_KEY = 'xk_live_APIKEY_9191';
export const TOKEN = 'd65f1adb-8ebc-48dc-be8b-20c773ba1565';
export const REQUEST_ID = '22178382-31ee-485c-a750-c20929b6a344';
export const LOGIN_ID = '5602459c-f6d0-4ca0-6750-08dccdcadcc0';
export const API = `https://toolbox-api.private.fin.ag/v3/${CUSTOMER_ID}/BankingServices`;

/** One request as the fake Flinks saw it. */
export interface SeenRequest {
  readonly method: string;
  /** After `/BankingServices`, e.g. `/GetAccountsDetailAsync/{id}`. */
  readonly path: string;
  /** Lower-cased names. */
  readonly headers: Record<string, string>;
  readonly body: unknown;
  /** `Date.now()` when it was sent (fake timers: exact). */
  readonly at: number;
}

/** How the fake answers one request: a status and JSON body, a network failure, or a function. */
export type Answer =
  | { readonly status: number; readonly body?: unknown }
  | 'network'
  | 'hang'
  | ((request: SeenRequest, init: RequestInit) => Promise<Response>);

export const pending = (code = 'OPERATION_PENDING'): Answer => ({
  status: 202,
  body: {
    FlinksCode: code,
    HttpStatusCode: 202,
    Message: 'Your operation is still processing',
    RequestId: REQUEST_ID,
    Links: [{ rel: 'GetAccountsDetailAsync', href: '/GetAccountsDetailAsync' }],
  },
});

/** Flinks' documented GetAccountsDetail 200 (FLINKS-DATA §1.2), trimmed to one transaction. */
export const DETAIL = {
  HttpStatusCode: 200,
  Accounts: [
    {
      Transactions: [
        {
          Date: '2025-01-31',
          Code: null,
          Description: 'PAYROLL - Stripe Paycheck',
          Debit: null,
          Credit: 1500.25,
          Balance: 5105.6,
          Id: '94584aed-7c98-42a4-9836-9f8557db63f5',
        },
      ],
      TransitNumber: '12347',
      InstitutionNumber: '777',
      OverdraftLimit: 100.5,
      Title: 'Chequing Account',
      AccountNumber: '7641238',
      LastFourDigits: null,
      Balance: { Available: 5405.5, Current: 5105.5, Limit: null },
      Category: 'Operations',
      Type: 'Chequing',
      Currency: 'CAD',
      Holder: {
        Name: 'Testing',
        Address: {
          CivicAddress: '25 york street',
          City: 'TOR',
          Province: 'ON',
          PostalCode: 'M5J 2V5',
          POBox: null,
          Country: 'CA',
        },
        Email: 'test_user1@nomail.com',
        PhoneNumber: '9051234567',
      },
      AccountType: null,
      Id: '27a9ffa0-c6b9-4cc6-9eaa-aa9efa07a889',
    },
  ],
  InstitutionName: 'FlinksCapital',
  Login: {
    Username: 'chat_gpt',
    IsScheduledRefresh: false,
    LastRefresh: '2025-01-31T17:40:54.569261',
    Type: 'Personal',
    Id: LOGIN_ID,
  },
  InstitutionId: 14,
  Institution: 'FlinksCapital',
  RequestId: REQUEST_ID,
};

export const ready = (body: unknown = DETAIL): Answer => ({ status: 200, body });

/**
 * A hand-made Flinks: answers each request with the next answer of the script (an unexpected
 * extra request fails the test loudly) and records what it saw.
 */
export function fakeFlinks(
  script: readonly Answer[],
  options: Partial<FlinksClientCommonOptions> & { apiKey?: string } = {},
) {
  const answers = [...script];
  const seen: SeenRequest[] = [];
  const fetchStub = async (url: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const headers: Record<string, string> = {};
    new Headers(init.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const request: SeenRequest = {
      method: init.method ?? 'GET',
      path: String(url).startsWith(API) ? String(url).slice(API.length) : String(url),
      headers,
      body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : init.body,
      at: Date.now(),
    };
    seen.push(request);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`unexpected request ${request.method} ${request.path}`);
    if (answer === 'network') {
      throw new TypeError('fetch failed', {
        cause: Object.assign(new Error('connect'), { code: 'ECONNRESET' }),
      });
    }
    if (answer === 'hang') {
      return new Promise((_resolve, reject) => {
        init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    if (typeof answer === 'function') return answer(request, init);
    return new Response(answer.body === undefined ? '' : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  };
  const client = createFlinksClient({
    instance: 'toolbox',
    customerId: CUSTOMER_ID,
    secretKey: SECRET,
    fetch: fetchStub as typeof fetch,
    ...options,
  });
  return { client, seen, left: () => answers.length };
}

/** Settles a promise into a value to assert on, without an unhandled rejection meanwhile. */
export function settle<T>(promise: Promise<T>): () => { value?: T; error?: unknown; done: boolean } {
  const state: { value?: T; error?: unknown; done: boolean } = { done: false };
  promise.then(
    (value) => Object.assign(state, { value, done: true }),
    (error: unknown) => Object.assign(state, { error, done: true }),
  );
  return () => state;
}

/** When the data tests' clock starts. */
export const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

/** Fake timers for each test of the calling file, the clock starting at `now`. */
export function fakeTimersPerTest(now = T0): void {
  beforeEach(() => {
    vi.useFakeTimers({ now });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
