import { describe, expect, it } from 'vitest';
import { clientWith, reply, rejection } from './client-stubs';
import { CUSTOMER_ID, TOKEN } from './fake-flinks';

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
