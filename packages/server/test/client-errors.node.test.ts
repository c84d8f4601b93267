import { describe, expect, it, vi } from 'vitest';
import { FlinksApiError, createFlinksClient } from '../src/index';

const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';
const SECRET = 'sk_live_SUPERSECRET_4242';
const TOKEN = 'd65f1adb-8ebc-48dc-be8b-20c773ba1565';

type FetchStub = (url: string, init: RequestInit) => Promise<Response>;

function clientWith(fetchStub: FetchStub, timeoutMs = 1000) {
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

const reply =
  (status: number, body: string, contentType = 'application/json') =>
  () =>
    Promise.resolve(new Response(body, { status, headers: { 'Content-Type': contentType } }));

async function rejection(promise: Promise<unknown>): Promise<FlinksApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FlinksApiError);
  expect((error as Error).message).not.toContain(SECRET);
  expect((error as Error).message).not.toContain(TOKEN);
  return error as FlinksApiError;
}

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

describe('authorize', () => {
  function authorizeClient(authorizeReply: () => Promise<Response>) {
    return clientWith((url) =>
      url.endsWith('/GenerateAuthorizeToken')
        ? reply(200, JSON.stringify({ Token: TOKEN }))()
        : authorizeReply(),
    );
  }

  it('sends a fresh token in flinks-auth-key (never the secret) and Flinks’ PascalCase fields', async () => {
    const { client, stub } = authorizeClient(
      reply(
        200,
        JSON.stringify({
          RequestId: 'r-1',
          Institution: 'FlinksCapital',
          Login: { Id: 'l-1', Username: 'Greatday' },
        }),
      ),
    );

    await client.authorize({
      username: 'Greatday',
      password: 'Everyday',
      institution: 'FlinksCapital',
      language: 'fr',
      mostRecentCached: false,
      save: true,
      tag: 'user-7',
    });

    const [url, init] = stub.mock.calls[1] ?? [];
    expect(url).toBe(`https://toolbox-api.private.fin.ag/v3/${CUSTOMER_ID}/BankingServices/Authorize`);
    expect(init?.headers).toMatchObject({ 'flinks-auth-key': TOKEN });
    expect(JSON.parse(String(init?.body))).toEqual({
      Username: 'Greatday',
      Password: 'Everyday',
      Institution: 'FlinksCapital',
      Language: 'fr',
      MostRecentCached: false,
      Save: true,
      Tag: 'user-7',
    });
  });

  it('sends security answers as Flinks’ prompt -> [answers] map with the RequestId', async () => {
    const { client, stub } = authorizeClient(
      reply(200, JSON.stringify({ RequestId: 'r-1', Login: { Id: 'l-1' } })),
    );

    await client.authorize({
      requestId: 'r-1',
      securityResponses: { 'What city?': 'Montreal', 'Pick two': ['a', 'b'] },
    });

    expect(JSON.parse(String(stub.mock.calls[1]?.[1].body))).toEqual({
      RequestId: 'r-1',
      SecurityResponses: { 'What city?': ['Montreal'], 'Pick two': ['a', 'b'] },
    });
  });

  it('reads an MFA challenge from HTTP 203, with choices when Flinks gives them', async () => {
    const { client } = authorizeClient(
      reply(
        203,
        JSON.stringify({
          HttpStatusCode: 203,
          RequestId: 'r-9',
          SecurityChallenges: [{ Type: 'MultipleChoice', Prompt: 'Pick one', Iterables: ['a', 'b'] }],
        }),
      ),
    );

    expect(await client.authorize({ loginId: 'l-1' })).toMatchObject({
      kind: 'mfa',
      requestId: 'r-9',
      institution: undefined,
      securityChallenges: [{ type: 'MultipleChoice', prompt: 'Pick one', iterables: ['a', 'b'] }],
    });
  });

  it.each([
    ['without a RequestId', '{"Login":{"Id":"l-1"}}', 200],
    ['without Login.Id', '{"RequestId":"r-1"}', 200],
    ['without SecurityChallenges', '{"RequestId":"r-1"}', 203],
    ['with an empty body', '', 200],
    ['with a body that is not JSON', '<!doctype html><p>Sign in</p>', 200],
    ['without a RequestId', '["r-1"]', 200],
  ])('a success %s is a bad_response', async (what, body, status) => {
    const { client } = authorizeClient(reply(status, body));

    const error = await rejection(client.authorize({ loginId: 'l-1' }));

    expect(error).toMatchObject({ code: 'bad_response', endpoint: 'Authorize' });
    expect(error.message).toBe(
      `Flinks Authorize answered HTTP ${status} ${what}. Check baseUrl: it must point at the Flinks API host.`,
    );
  });

  it('a refused token: 401 http_error whose message never contains the token', async () => {
    const { client } = authorizeClient(
      reply(
        401,
        JSON.stringify({
          HttpStatusCode: 401,
          Message: `You must provide a valid authorize token: ${TOKEN}`,
        }),
      ),
    );

    const error = await rejection(client.authorize({ loginId: 'l-1' }));

    expect(error.message).toBe(
      'Flinks Authorize answered HTTP 401: "You must provide a valid authorize token: [redacted]". Flinks refused the authorize token or the LoginId.',
    );
  });

  it('does not mint a token for a request of no known shape, and says which shapes exist', async () => {
    const { client, stub } = authorizeClient(reply(200, '{}'));

    await expect(client.authorize({ username: 'Greatday' } as never)).rejects.toThrow(
      'authorize: pass { loginId } (after Connect), { username, password, institution } (a live login) or { requestId, securityResponses }',
    );
    expect(stub).not.toHaveBeenCalled();
  });

  it('fails before calling Authorize when the token cannot be minted', async () => {
    const { client, stub } = clientWith(reply(401, '{"Message":"You must provide a valid auth key"}'));

    const error = await rejection(client.authorize({ loginId: 'l-1' }));

    expect(error.endpoint).toBe('GenerateAuthorizeToken');
    expect(stub).toHaveBeenCalledTimes(1);
  });
});
