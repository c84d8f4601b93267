import { inspect } from 'node:util';
import { describe, expect, it, vi } from 'vitest';
import { FlinksApiError, createAuthorizeTokenHandler, createFlinksClient } from '../src/index';

const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';
const SECRET = 'sk_live_REDACT_ME_7731';
const TOKEN = '0f1e2d3c-4b5a-4968-8776-655443322110';
const PASSWORD = 'hunter2-Everyday';

/** Everything an error carries that a log or a caller could print: message, fields, cause chain. */
function printed(error: unknown): string {
  const e = error as FlinksApiError;
  return [e.message, e.flinksCode, e.requestId, inspect(error, { depth: 10 })].join('\n');
}

async function failure(promise: Promise<unknown>): Promise<FlinksApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FlinksApiError);
  return error as FlinksApiError;
}

/** Flinks (or a proxy in front of it) that echoes what it received in every field. */
function echoing(status = 401) {
  return vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    const sent = new Headers(init?.headers).get('flinks-auth-key') ?? '';
    const body = typeof init?.body === 'string' ? init.body : '';
    return new Response(
      JSON.stringify({
        HttpStatusCode: status,
        Message: `bad key ${sent} for ${body}`,
        FlinksCode: `KEY_${sent}`,
        RequestId: `req-${sent}`,
        Token: sent === SECRET ? undefined : sent,
      }),
      { status },
    );
  });
}

describe('redaction of the secret key and tokens', () => {
  it.each([
    ['as given', SECRET],
    ['read from a file, with a trailing newline', `${SECRET}\n`],
    ['with spaces around it', `  ${SECRET}\t`],
  ])('keeps a key %s out of message, flinksCode, requestId and the printed error', async (_, secretKey) => {
    const fetch = echoing();
    const client = createFlinksClient({ instance: 'toolbox', customerId: CUSTOMER_ID, secretKey, fetch });

    const error = await failure(client.generateAuthorizeToken());

    expect(printed(error)).not.toContain(SECRET);
    expect(error.flinksCode).toBe('KEY_[redacted]');
    expect(error.requestId).toBe('req-[redacted]');
    expect(error.message).toContain('bad key [redacted] for');
  });

  it('keeps the token and the password of an /Authorize call out of the error', async () => {
    const fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) =>
      String(url).endsWith('GenerateAuthorizeToken')
        ? new Response(JSON.stringify({ HttpStatusCode: 200, Token: TOKEN }))
        : echoing()(url, init),
    );
    const client = createFlinksClient({
      instance: 'toolbox',
      customerId: CUSTOMER_ID,
      secretKey: SECRET,
      fetch,
    });

    const error = await failure(
      client.authorize({ username: 'Greatday', password: PASSWORD, institution: 'FlinksCapital' }),
    );

    const text = printed(error);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(SECRET);
    expect(error.flinksCode).toBe('KEY_[redacted]');
  });

  it('redacts the cause chain of a network failure (a proxy or custom fetch quoting the header)', async () => {
    const inner = Object.assign(new Error(`proxy refused flinks-auth-key: ${SECRET}`), { code: 'EPROXY' });
    const fetch = vi.fn(async () => {
      throw new TypeError(`fetch failed (${SECRET})`, { cause: inner });
    });
    const client = createFlinksClient({
      instance: 'toolbox',
      customerId: CUSTOMER_ID,
      secretKey: SECRET,
      fetch,
    });

    const error = await failure(client.generateAuthorizeToken());

    expect(error.code).toBe('network');
    expect(printed(error)).not.toContain(SECRET);
    const cause = error.cause as Error & { cause: Error & { code: string } };
    expect(cause.message).toBe('fetch failed ([redacted])');
    expect(cause.cause).toMatchObject({
      message: 'proxy refused flinks-auth-key: [redacted]',
      code: 'EPROXY',
    });
  });

  it('keeps the key out of the handler’s default log line, whatever field Flinks echoes it in', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const client = createFlinksClient({
        instance: 'toolbox',
        customerId: CUSTOMER_ID,
        secretKey: `${SECRET}\n`,
        fetch: echoing(500),
      });
      const answer = await createAuthorizeTokenHandler(client)(
        new Request('https://app.example/api', { method: 'POST' }),
      );

      expect(answer.status).toBe(502);
      expect(await answer.text()).not.toContain(SECRET);
      const logged = consoleError.mock.calls.flat().map((value) => inspect(value, { depth: 10 }));
      expect(logged.join('\n')).toContain('KEY_[redacted]');
      expect(logged.join('\n')).not.toContain(SECRET);
    } finally {
      consoleError.mockRestore();
    }
  });
});
