import { describe, expect, it } from 'vitest';
import { clientWith, reply, rejection } from './client-stubs';
import { CUSTOMER_ID, SECRET, TOKEN } from './fake-flinks';

describe('generateAuthorizeToken: the request', () => {
  it('POSTs to the instance’s API host with the secret key, JSON headers and no body', async () => {
    const { client, stub } = clientWith(reply(200, JSON.stringify({ HttpStatusCode: 200, Token: TOKEN })));

    expect((await client.generateAuthorizeToken()).token).toBe(TOKEN);

    const [url, init] = stub.mock.calls[0] ?? [];
    expect(url).toBe(
      `https://toolbox-api.private.fin.ag/v3/${CUSTOMER_ID}/BankingServices/GenerateAuthorizeToken`,
    );
    expect(init).toMatchObject({
      method: 'POST',
      headers: { 'flinks-auth-key': SECRET, 'Content-Type': 'application/json', Accept: 'application/json' },
    });
    expect(init?.body).toBeUndefined();
  });
});

describe('generateAuthorizeToken: failures', () => {
  it('401: an http_error naming what to check, with Flinks’ message, minus the key if Flinks echoed it', async () => {
    const { client } = clientWith(
      reply(
        401,
        JSON.stringify({ HttpStatusCode: 401, Message: `You must provide a valid auth key (got ${SECRET})` }),
      ),
    );

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'http_error', status: 401, flinksCode: undefined });
    expect(error.message).toBe(
      'Flinks GenerateAuthorizeToken answered HTTP 401: "You must provide a valid auth key (got [redacted])". ' +
        'Check that secretKey and customerId belong to this instance (sandbox keys only work on "toolbox").',
    );
  });

  it('500 with an HTML body: an http_error that says the body was not JSON', async () => {
    const { client } = clientWith(reply(500, '<html><body>Internal Server Error</body></html>', 'text/html'));

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'http_error', status: 500 });
    expect(error.message).toBe(
      'Flinks GenerateAuthorizeToken answered HTTP 500 with a body that is not JSON. Flinks is failing: retry later.',
    );
  });

  it.each([
    ['an empty body', '', 'with an empty body'],
    ['an HTML body', '<!doctype html><p>Login</p>', 'with a body that is not JSON'],
    ['JSON without a Token', '{"HttpStatusCode":200}', 'without a Token'],
    ['an empty Token', '{"Token":""}', 'without a Token'],
  ])('200 with %s: a bad_response', async (_, body, what) => {
    const { client } = clientWith(reply(200, body));

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'bad_response', status: 200, endpoint: 'GenerateAuthorizeToken' });
    expect(error.message).toBe(
      `Flinks GenerateAuthorizeToken answered HTTP 200 ${what}. Check baseUrl: it must point at the Flinks API host.`,
    );
  });

  it('an empty error body: an http_error that says so', async () => {
    const { client } = clientWith(reply(502, ''));

    const error = await rejection(client.generateAuthorizeToken());

    expect(error.message).toBe(
      'Flinks GenerateAuthorizeToken answered HTTP 502 with an empty body. Flinks is failing: retry later.',
    );
  });

  it('no answer within timeoutMs: a timeout error, and the request is aborted', async () => {
    let aborted = false;
    const { client } = clientWith(
      (_, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => {
            aborted = true;
            reject(new DOMException('aborted', 'AbortError'));
          });
        }),
      50,
    );

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'timeout', status: undefined });
    expect(aborted).toBe(true);
  });

  it('a body that never finishes within timeoutMs is a timeout too', async () => {
    const { client } = clientWith(
      (_, init) =>
        Promise.resolve(
          new Response(
            new ReadableStream({
              start(controller) {
                controller.enqueue(new TextEncoder().encode('{"Tok'));
                init.signal?.addEventListener('abort', () =>
                  controller.error(new DOMException('aborted', 'AbortError')),
                );
              },
            }),
            { status: 200 },
          ),
        ),
      50,
    );

    expect((await rejection(client.generateAuthorizeToken())).code).toBe('timeout');
  });

  it('a network failure: a network error with the low-level reason and the cause', async () => {
    const failure = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    });
    const { client } = clientWith(() => Promise.reject(failure));

    const error = await rejection(client.generateAuthorizeToken());

    expect(error).toMatchObject({ code: 'network', status: undefined, cause: failure });
    expect(error.message).toBe(
      'Could not reach Flinks GenerateAuthorizeToken at https://toolbox-api.private.fin.ag: ECONNREFUSED. Check instance or baseUrl, DNS and outbound network access.',
    );
  });

  it('the caller’s abort: rejects with the caller’s reason, not a FlinksApiError', async () => {
    const { client } = clientWith(
      (_, init) =>
        new Promise((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(init.signal?.reason));
        }),
    );
    const controller = new AbortController();
    const reason = new Error('user left');

    const pending = client.generateAuthorizeToken({ signal: controller.signal });
    controller.abort(reason);

    await expect(pending).rejects.toBe(reason);
  });

  it('an already aborted signal: no request at all', async () => {
    const { client, stub } = clientWith(reply(200, JSON.stringify({ Token: TOKEN })));
    const reason = new Error('already gone');

    await expect(client.generateAuthorizeToken({ signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
    expect(stub).not.toHaveBeenCalled();
  });
});
