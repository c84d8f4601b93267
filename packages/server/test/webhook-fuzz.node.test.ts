import { createHmac } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { createWebhookHandler, verifyWebhookSignature } from '../src/index';
import { DETAIL } from './fake-flinks';

// Seeded: a failure names its seed and case, and FUZZ_SEED=<seed> replays it exactly.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_207);
const SECRET = `whsec_fuzz_${SEED.toString(36)}`;

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
const rand = random(SEED);
const int = (max: number): number => Math.floor(rand() * max);
const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;

const sign = (body: Uint8Array, secret = SECRET): string =>
  createHmac('sha256', secret).update(body).digest('base64');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function randomBytes(length: number): Uint8Array {
  return Uint8Array.from({ length }, () => int(256));
}

/** A body Flinks could send, or garbage. */
function randomBody(): Uint8Array {
  switch (int(5)) {
    case 0:
      return randomBytes(int(600));
    case 1:
      return encode(JSON.stringify({ ResponseType: 'GetAccountsDetail', ...DETAIL, Tag: String(rand()) }));
    case 2:
      return encode(JSON.stringify({ ResponseType: 'KYC', Holders: [{ Name: `n${int(1e6)}` }] }));
    case 3:
      return encode(JSON.stringify({ ResponseType: 'KYC', Pad: 'x'.repeat(1_500 + int(1_500)) }));
    default:
      return encode(JSON.stringify({ ResponseType: pick(['Investments', '', 'kyc', 42]), V: rand() }));
  }
}

type Mutation =
  | 'right'
  | 'flip-char'
  | 'other-secret'
  | 'truncate-body'
  | 'extend-body'
  | 'flip-body-byte'
  | 'random'
  | 'trim-signature'
  | 'case';
const MUTATIONS: readonly Mutation[] = [
  'right',
  'flip-char',
  'other-secret',
  'truncate-body',
  'extend-body',
  'flip-body-byte',
  'random',
  'trim-signature',
  'case',
];

/** The body sent and the signature sent with it; `valid` says whether it is the body's true HMAC. */
function mutate(body: Uint8Array, mutation: Mutation): { sent: Uint8Array; signature: string } {
  const right = sign(body);
  switch (mutation) {
    case 'right':
      return { sent: body, signature: right };
    case 'flip-char': {
      const at = int(43); // not the padding
      const others = BASE64.replace(right[at] ?? '', '');
      return { sent: body, signature: `${right.slice(0, at)}${pick([...others])}${right.slice(at + 1)}` };
    }
    case 'other-secret':
      return { sent: body, signature: sign(body, `${SECRET}x`) };
    case 'truncate-body':
      return { sent: body.subarray(0, int(body.length)), signature: right };
    case 'extend-body':
      return { sent: Uint8Array.from([...body, ...randomBytes(1 + int(8))]), signature: right };
    case 'flip-body-byte': {
      const copy = Uint8Array.from(body.length === 0 ? [0] : body);
      const at = int(copy.length);
      copy[at] = (copy[at] ?? 0) ^ (1 + int(255));
      return { sent: copy, signature: right };
    }
    case 'random':
      return {
        sent: body,
        signature: Array.from({ length: pick([0, 43, 44, 45, 88]) }, () => pick([...BASE64, '='])).join(''),
      };
    case 'trim-signature':
      return { sent: body, signature: right.slice(0, int(right.length)) };
    case 'case':
      return {
        sent: body,
        signature: right.toLowerCase() === right ? right.toUpperCase() : right.toLowerCase(),
      };
  }
}

describe(`fuzz (seed ${SEED}): webhook signatures`, () => {
  it('verifyWebhookSignature accepts a body only with its own true signature', async () => {
    for (let i = 0; i < 400; i++) {
      const body = randomBody();
      const mutation = pick(MUTATIONS);
      const { sent, signature } = mutate(body, mutation);
      const valid = signature === sign(sent);
      const where = `seed ${SEED}, case ${i}, ${mutation}`;

      const asBytes = await verifyWebhookSignature({ body: sent, signature, secret: SECRET });
      expect(asBytes, where).toBe(valid);
      // The mutations that must never pass do not.
      if (mutation !== 'right' && mutation !== 'truncate-body' && mutation !== 'case') {
        expect(asBytes, where).toBe(false);
      }
      if (mutation === 'right') expect(asBytes, where).toBe(true);
    }
  });

  it('the handler calls back only for a truly signed JSON object, and answers a known status to everything', async () => {
    const onAccountsDetail = vi.fn(async () => {});
    const onKyc = vi.fn(async () => {});
    const handler = createWebhookHandler({ secret: SECRET, onAccountsDetail, onKyc, maxBodyBytes: 2_048 });
    let calls = 0;

    const statuses = new Set<number>();

    for (let i = 0; i < 300; i++) {
      // Half of the cases are signed right, so that the accepting paths get their share.
      const { sent, signature } = mutate(randomBody(), rand() < 0.5 ? 'right' : pick(MUTATIONS));
      const header = rand() < 0.6 ? 'flinks-authenticity-key' : pick(['x-flinks-signature', null]);
      const chunked = rand() < 0.5;
      const where = `seed ${SEED}, case ${i}, ${header ?? 'no header'}, ${chunked ? 'streamed' : 'whole'}`;
      const body = chunked
        ? new ReadableStream<Uint8Array>({
            start(controller) {
              for (let at = 0; at < sent.length; at += 97) controller.enqueue(sent.slice(at, at + 97));
              controller.close();
            },
          })
        : sent;
      const request = new Request('https://app.example/api/flinks/webhook', {
        method: 'POST',
        headers: header === null ? {} : { [header]: signature },
        body,
        duplex: 'half',
      } as RequestInit);

      const response = await handler(request);
      statuses.add(response.status);

      const trulySigned = header === 'flinks-authenticity-key' && signature === sign(sent);
      expect([200, 400, 401, 413], where).toContain(response.status);
      // The body must be read to check its signature: one too large is refused for its size first.
      const tooLarge = sent.length > 2_048 && header === 'flinks-authenticity-key' && signature.trim() !== '';
      if (tooLarge) expect(response.status, where).toBe(413);
      else if (!trulySigned) expect(response.status, where).toBe(401);
      if (response.status === 200) {
        const parsed = JSON.parse(new TextDecoder().decode(sent)) as { ResponseType?: unknown };
        if (parsed.ResponseType === 'GetAccountsDetail' || parsed.ResponseType === 'KYC') calls += 1;
      }
      expect(onAccountsDetail.mock.calls.length + onKyc.mock.calls.length, where).toBe(calls);
    }
    expect(calls).toBeGreaterThan(20);
    expect([...statuses].sort()).toEqual([200, 400, 401, 413]);
  });
});
