import { describe, expect, it, vi } from 'vitest';
import { FlinksConfigError, createAuthorizeTokenHandler } from '../src/index';
import type { AuthorizeTokenHandlerOptions } from '../src/index';

function endpoint(options: AuthorizeTokenHandlerOptions = {}) {
  const generateAuthorizeToken = vi.fn(async () => ({ token: 'tok-1', expiresIn: 1, expiresAt: 1 }));
  const handler = createAuthorizeTokenHandler({ generateAuthorizeToken }, { onError: () => {}, ...options });
  return { handler, generateAuthorizeToken };
}

const post = (url: string, headers: Record<string, string>, method = 'POST') =>
  new Request(url, { method, headers });

describe('createAuthorizeTokenHandler: the expected origin is the deployment’s', () => {
  it('ignores request.url’s host when a Host header says where the browser went', async () => {
    // What `//evil.example/...` becomes once a server resolves the target against its base URL.
    const { handler, generateAuthorizeToken } = endpoint();

    const answer = await handler(
      post('https://evil.example/api/flinks/authorize-token', {
        Host: 'app.example',
        Origin: 'https://evil.example',
      }),
    );

    expect(answer.status).toBe(403);
    expect(generateAuthorizeToken).not.toHaveBeenCalled();
  });

  it.each([
    ['app.example', 'https://app.example', 200],
    ['app.example:443', 'https://app.example', 200],
    ['APP.example', 'https://app.example', 200],
    ['app.example:8443', 'https://app.example:8443', 200],
    ['app.example:8443', 'https://app.example', 403],
    ['app.example', 'https://app.example:8443', 403],
    ['app.example:80', 'http://app.example', 200],
    ['app.example:80', 'https://app.example', 403],
    ['evil.example@app.example', 'https://app.example', 403],
    ['app.example/evil', 'https://app.example', 403],
  ])('Host %s, Origin %s: %i', async (host, origin, status) => {
    const { handler } = endpoint();

    expect((await handler(post('http://10.0.0.7:3000/api', { Host: host, Origin: origin }))).status).toBe(
      status,
    );
  });

  it('still takes the listed allowedOrigins from anywhere', async () => {
    const { handler } = endpoint({ allowedOrigins: ['https://shop.example'] });

    const answer = await handler(
      post('http://10.0.0.7/api', { Host: 'app.example', Origin: 'https://shop.example' }),
    );

    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe('https://shop.example');
  });
});

describe('createAuthorizeTokenHandler: CORS preflight', () => {
  const preflight = (requested: string) =>
    post(
      'https://app.example/api',
      {
        Origin: 'https://shop.example',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': requested,
      },
      'OPTIONS',
    );

  it('allows only content-type, whatever the page asks for', async () => {
    const { handler } = endpoint({ allowedOrigins: ['https://shop.example'] });

    const answer = await handler(preflight('x-forwarded-host, authorization, x-evil, content-type'));

    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('allows the headers listed in allowedHeaders (for allowRequest), in lower case', async () => {
    const { handler } = endpoint({
      allowedOrigins: ['https://shop.example'],
      allowedHeaders: ['Content-Type', 'X-CSRF-Token'],
    });

    const answer = await handler(preflight('x-csrf-token, x-forwarded-host'));

    expect(answer.headers.get('access-control-allow-headers')).toBe('content-type, x-csrf-token');
  });

  it('rejects allowedHeaders entries that are not header names', () => {
    expect(() => endpoint({ allowedHeaders: ['x-ok', 'bad header\r\nx: y'] })).toThrow(FlinksConfigError);
    expect(() => endpoint({ allowedHeaders: ['bad header'] })).toThrow(
      /allowedHeaders entries must be header names like "authorization"; got "bad header"/,
    );
  });
});
