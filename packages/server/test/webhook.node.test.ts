import { describe, expect, it, vi } from 'vitest';
import { FlinksConfigError, createWebhookHandler } from '../src/index';
import type { AccountsDetailWebhook, KycWebhook } from '../src/index';
import { DETAIL } from './fake-flinks';
import { SECRET, sign } from './webhook-sign';

const URL_ = 'https://app.example/api/flinks/webhook';
function post(body: BodyInit | null, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(URL_, {
    method,
    headers,
    ...(body === null ? {} : { body, duplex: 'half' }),
  } as RequestInit);
}
const signed = (body: string, header = 'flinks-authenticity-key'): Request =>
  post(body, { [header]: sign(body), 'content-type': 'application/json' });

function handlerWith(options: Partial<Parameters<typeof createWebhookHandler>[0]> = {}) {
  const onAccountsDetail = vi.fn<(payload: AccountsDetailWebhook) => Promise<void>>(async () => {});
  const onKyc = vi.fn<(payload: KycWebhook) => Promise<void>>(async () => {});
  const onError = vi.fn();
  const handler = createWebhookHandler({ secret: SECRET, onAccountsDetail, onKyc, onError, ...options });
  return { handler, onAccountsDetail, onKyc, onError };
}

const detailBody = JSON.stringify({ ResponseType: 'GetAccountsDetail', ...DETAIL, Tag: 'user-7' });

describe('createWebhookHandler', () => {
  it('hands a signed GetAccountsDetail to onAccountsDetail, typed, and answers 200 after it resolved', async () => {
    const { handler, onAccountsDetail, onKyc } = handlerWith();
    let release!: () => void;
    onAccountsDetail.mockImplementation(() => new Promise<void>((resolve) => (release = resolve)));

    let answered = false;
    const response = handler(signed(detailBody)).then((r) => ((answered = true), r));
    await vi.waitFor(() => expect(onAccountsDetail).toHaveBeenCalledTimes(1));
    // Whatever the handler would do without waiting for the callback, it has done by now.
    for (let turn = 0; turn < 20; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(answered).toBe(false);
    release();

    const done = await response;
    expect(done.status).toBe(200);
    expect(await done.json()).toEqual({ received: true });
    const [payload] = onAccountsDetail.mock.calls[0] ?? [];
    expect(payload).toMatchObject({
      responseType: 'GetAccountsDetail',
      requestId: DETAIL.RequestId,
      institution: 'FlinksCapital',
      tag: 'user-7',
      login: { id: DETAIL.Login.Id },
      accounts: [{ id: DETAIL.Accounts[0]?.Id, balance: { available: 5405.5 } }],
    });
    expect(payload?.body.InstitutionId).toBe(14);
    expect(onKyc).not.toHaveBeenCalled();
  });

  it('hands a KYC webhook to onKyc with its holders', async () => {
    const { handler, onKyc, onAccountsDetail } = handlerWith();
    const body = JSON.stringify({
      ResponseType: 'KYC',
      HttpStatusCode: 200,
      Holders: [
        { Name: 'Ron Swanson', Address: { City: 'Montreal' }, Email: 'r@s.example', PhoneNumber: null },
      ],
      Login: DETAIL.Login,
      RequestId: DETAIL.RequestId,
    });

    expect((await handler(signed(body))).status).toBe(200);
    expect(onKyc.mock.calls[0]?.[0]).toMatchObject({
      responseType: 'KYC',
      requestId: DETAIL.RequestId,
      login: { id: DETAIL.Login.Id },
      holders: [{ name: 'Ron Swanson', address: { city: 'Montreal', province: null }, phoneNumber: null }],
    });
    expect(onAccountsDetail).not.toHaveBeenCalled();
  });

  it('acknowledges an unknown ResponseType (200) without calling anything, so Flinks does not resend it', async () => {
    const { handler, onKyc, onAccountsDetail } = handlerWith();

    const response = await handler(signed('{"ResponseType":"Investments","HttpStatusCode":200}'));

    expect(response.status).toBe(200);
    expect(onKyc).not.toHaveBeenCalled();
    expect(onAccountsDetail).not.toHaveBeenCalled();
  });

  it.each([
    ['missing', {}],
    ['wrong', { 'flinks-authenticity-key': sign(detailBody, 'not-the-secret') }],
    [
      'in X-Flinks-Signature while the default header is expected',
      { 'x-flinks-signature': sign(detailBody) },
    ],
  ])('401 for a %s signature, calling nothing', async (_, headers) => {
    const { handler, onAccountsDetail, onKyc, onError } = handlerWith();

    const response = await handler(post(detailBody, headers));

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'invalid_signature' });
    expect(onAccountsDetail).not.toHaveBeenCalled();
    expect(onKyc).not.toHaveBeenCalled();
    expect(onError).not.toHaveBeenCalled();
  });

  it('reads the signature from signatureHeader when configured', async () => {
    const { handler, onAccountsDetail } = handlerWith({ signatureHeader: 'X-Flinks-Signature' });

    expect((await handler(signed(detailBody, 'x-flinks-signature'))).status).toBe(200);
    expect((await handler(signed(detailBody))).status).toBe(401);
    expect(onAccountsDetail).toHaveBeenCalledTimes(1);
  });

  it.each([
    ['not JSON', 'ResponseType=GetAccountsDetail'],
    ['a JSON array', '[{"ResponseType":"KYC"}]'],
    ['a JSON string', '"KYC"'],
    ['invalid UTF-8', '\u00ff'],
    ['a GetAccountsDetail without an Accounts list', '{"ResponseType":"GetAccountsDetail","Accounts":{}}'],
  ])('400 for a signed body that is %s', async (_, body) => {
    const { handler, onAccountsDetail, onKyc } = handlerWith();
    const bytes = body === '\u00ff' ? new Uint8Array([0x7b, 0xff, 0x7d]) : new TextEncoder().encode(body);

    const response = await handler(post(bytes, { 'flinks-authenticity-key': sign(bytes) }));

    expect(response.status).toBe(400);
    expect(onAccountsDetail).not.toHaveBeenCalled();
    expect(onKyc).not.toHaveBeenCalled();
  });

  it.each(['GET', 'PUT', 'HEAD', 'OPTIONS'])('405 with Allow: POST for %s', async (method) => {
    const { handler } = handlerWith();

    const response = await handler(post(null, {}, method));

    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('500 when the callback throws, with nothing of the error in the answer, and onError told', async () => {
    const { handler, onAccountsDetail, onError } = handlerWith();
    const failure = new Error('database password=hunter2 refused');
    onAccountsDetail.mockRejectedValue(failure);

    const response = await handler(signed(detailBody));

    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toBe('{"error":"callback_failed"}');
    expect(onError).toHaveBeenCalledWith(failure);
  });

  describe('413 past maxBodyBytes', () => {
    const big = JSON.stringify({ ResponseType: 'KYC', Pad: 'x'.repeat(200) });

    it('with a Content-Length, before reading the body', async () => {
      const { handler, onKyc } = handlerWith({ maxBodyBytes: 100 });
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled += 1;
            controller.enqueue(new TextEncoder().encode(big));
            controller.close();
          },
        },
        { highWaterMark: 0 },
      );
      const response = await handler(
        post(stream, { 'flinks-authenticity-key': sign(big), 'content-length': String(big.length) }),
      );

      expect(response.status).toBe(413);
      expect(pulled).toBe(0);
      expect(onKyc).not.toHaveBeenCalled();
    });

    it('without a Content-Length, counting the bytes as they stream, and stops reading', async () => {
      const { handler, onKyc } = handlerWith({ maxBodyBytes: 100 });
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          sent += 40;
          controller.enqueue(new Uint8Array(40).fill(0x20));
          if (sent > 10_000) controller.close();
        },
      });

      const response = await handler(post(stream, { 'flinks-authenticity-key': sign(big) }));

      expect(response.status).toBe(413);
      expect(sent).toBeLessThanOrEqual(200);
      expect(onKyc).not.toHaveBeenCalled();
    });

    it('exactly maxBodyBytes is read; one more byte is refused', async () => {
      const body = JSON.stringify({ ResponseType: 'KYC', Holders: [] });
      const fits = handlerWith({ maxBodyBytes: body.length });
      const over = handlerWith({ maxBodyBytes: body.length - 1 });

      expect((await fits.handler(signed(body))).status).toBe(200);
      expect((await over.handler(signed(body))).status).toBe(413);
      expect(createWebhookHandler({ secret: SECRET }).maxBodyBytes).toBe(1_048_576);
    });
  });

  it.each([[undefined], [''], ['  ']])(
    'a missing secret (%j) loads (a build without the variable), then answers 500 and names the fix',
    async (secret) => {
      const onError = vi.fn();
      const onKyc = vi.fn();
      const handler = createWebhookHandler({ secret: secret as string, onError, onKyc });

      const response = await handler(signed('{"ResponseType":"KYC"}'));

      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({ error: 'server_not_configured' });
      expect(onKyc).not.toHaveBeenCalled();
      expect(onError).toHaveBeenCalledWith(expect.any(FlinksConfigError));
      expect(String(onError.mock.calls[0]?.[0])).toContain('Set FLINKS_WEBHOOK_SECRET');
    },
  );

  it('a secret that is not a string, or a signatureHeader that is not a header name, throws when created', () => {
    expect(() => createWebhookHandler({ secret: 42 as unknown as string })).toThrow(FlinksConfigError);
    expect(() => createWebhookHandler({ secret: SECRET, signatureHeader: 'X Flinks: Signature' })).toThrow(
      'signatureHeader must be a header name',
    );
  });
});
