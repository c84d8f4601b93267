// The token endpoint's fuzz tests' shared parts. Seeded: a failure names its seed and case, and
// FUZZ_SEED=<seed> replays it exactly. The canary is the secret key of every client, and
// FLINKS_SECRET_KEY while the tests run: it must show up in no answer, header or log.
import { inspect } from 'node:util';
import { afterAll, beforeAll, vi } from 'vitest';
import { createAuthorizeTokenHandler, createFlinksClient } from '../src/index';
import type { FetchHandler } from '../src/index';

export const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';
export const CANARY = `sk_canary_${SEED.toString(36)}_b7f3e1`;
export const UPSTREAM_TOKEN = '5e0c8a3b-1d2f-4e6a-9b7c-0a1b2c3d4e5f';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export type Upstream = 'ok' | '401-echo' | '500-html' | '200-html' | '200-no-token' | 'timeout' | 'network';
export const UPSTREAMS: readonly Upstream[] = [
  'ok',
  '401-echo',
  '500-html',
  '200-html',
  '200-no-token',
  'timeout',
  'network',
];

/** A stand-in for Flinks that misbehaves as told, echoing the key it received wherever it can. */
function upstream(kind: Upstream): typeof fetch {
  return (async (_url: string | URL | Request, init?: RequestInit) => {
    const key = new Headers(init?.headers).get('flinks-auth-key') ?? '';
    switch (kind) {
      case 'ok':
        return new Response(JSON.stringify({ HttpStatusCode: 200, Token: UPSTREAM_TOKEN }));
      case '401-echo':
        return new Response(
          JSON.stringify({
            Message: `invalid key ${key}`,
            FlinksCode: key,
            RequestId: `r-${key}`,
            Other: key,
          }),
          { status: 401 },
        );
      case '500-html':
        return new Response(`<html>${key}</html>`, { status: 500, headers: { 'Content-Type': 'text/html' } });
      case '200-html':
        return new Response(`<html>${key}</html>`, { headers: { 'Content-Type': 'text/html' } });
      case '200-no-token':
        return new Response(JSON.stringify({ HttpStatusCode: 200, Echo: key }));
      case 'timeout':
        return new Promise<Response>((_, reject) => {
          init?.signal?.addEventListener('abort', () => reject(new Error(`aborted while sending ${key}`)));
        });
      case 'network':
        throw new TypeError('fetch failed', {
          cause: Object.assign(new Error(`refused ${key}`), { code: key }),
        });
    }
  }) as typeof fetch;
}

/** One test file's random stream (`stream` tells the files apart) and what it draws. */
export function fuzzer(stream = 0) {
  const rand = random(SEED + stream);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const chance = (p: number): boolean => rand() < p;
  return {
    rand,
    pick,
    chance,
    /** The token endpoint on a client whose key is the canary, its upstream misbehaving as `kind`. */
    tokenHandler(
      kind: Upstream,
      options: { allowedOrigins?: string[]; log: boolean },
      errors: unknown[],
    ): FetchHandler {
      const flinks = createFlinksClient({
        instance: 'toolbox',
        customerId: CUSTOMER_ID,
        secretKey: pick([CANARY, `${CANARY}\n`, ` ${CANARY} `]),
        fetch: upstream(kind),
        timeoutMs: 5,
      });
      return createAuthorizeTokenHandler(flinks, {
        ...(options.allowedOrigins === undefined ? {} : { allowedOrigins: options.allowedOrigins }),
        // Half the cases log with the default console.error line, which the spies capture.
        ...(options.log ? {} : { onError: (error: unknown) => errors.push(error) }),
      });
    },
  };
}

export const printed = (values: readonly unknown[]): string =>
  values.map((value) => (typeof value === 'string' ? value : inspect(value, { depth: 10 }))).join('\n');

/** Every console line of the calling file's tests, captured; FLINKS_SECRET_KEY is the canary meanwhile. */
export function captureConsole(): unknown[] {
  const logged: unknown[] = [];
  let savedSecret: string | undefined;
  beforeAll(() => {
    savedSecret = process.env.FLINKS_SECRET_KEY;
    process.env.FLINKS_SECRET_KEY = CANARY;
    for (const method of ['error', 'warn', 'log', 'info', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void logged.push(...args));
    }
  });
  afterAll(() => {
    vi.restoreAllMocks();
    if (savedSecret === undefined) delete process.env.FLINKS_SECRET_KEY;
    else process.env.FLINKS_SECRET_KEY = savedSecret;
  });
  return logged;
}
