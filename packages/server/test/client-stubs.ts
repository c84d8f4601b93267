// A Flinks client on a stubbed fetch, for the client's request and failure tests: each test says
// what the stub answers and reads what the client sent.
import { expect, vi } from 'vitest';
import { FlinksApiError, createFlinksClient } from '../src/index';
import { CUSTOMER_ID, SECRET, TOKEN } from './fake-flinks';

export type FetchStub = (url: string, init: RequestInit) => Promise<Response>;

/** A client whose fetch is `fetchStub`, spied on. */
export function clientWith(fetchStub: FetchStub, timeoutMs = 1000) {
  const stub = vi.fn(fetchStub);
  const client = createFlinksClient({
    instance: 'toolbox',
    customerId: CUSTOMER_ID,
    secretKey: SECRET,
    fetch: stub as unknown as typeof fetch,
    timeoutMs,
  });
  return { client, stub };
}

/** A stub that answers `status` with `body`. */
export const reply =
  (status: number, body: string, contentType = 'application/json') =>
  () =>
    Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } }));

/** The FlinksApiError `promise` rejects with, checked to hold neither the secret nor the token. */
export async function rejection(promise: Promise<unknown>): Promise<FlinksApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FlinksApiError);
  expect((error as Error).message).not.toContain(SECRET);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as FlinksApiError;
}
