import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlinksConfigError, createAuthorizeTokenHandler, createFlinksClient } from '../src/index';
import type { FlinksClientOptions } from '../src/index';

const VARIABLES = ['FLINKS_INSTANCE', 'FLINKS_CUSTOMER_ID', 'FLINKS_SECRET_KEY'] as const;
const SECRET = 'sk_live_MISSING_CONFIG_CANARY';
const CUSTOMER_ID = '43387ca6-0391-4c82-857d-70d95f087ecb';

let saved: Record<string, string | undefined>;
beforeEach(() => {
  saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
  vi.resetModules();
});
afterEach(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  vi.restoreAllMocks();
});

const request = () =>
  new Request('https://app.example/api/flinks/authorize-token', {
    method: 'POST',
    headers: { Origin: 'https://app.example', Cookie: 'session=ok' },
  });

describe('secrets that exist only at run time', () => {
  it('the README route loads with no FLINKS_* variables; its first request is a 500 with one log line', async () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    // What `next build` does: import the route module, with none of the variables set.
    const route = await import('./fixtures/readme-route');
    expect(consoleError).not.toHaveBeenCalled();

    const answer = await route.POST(request());

    expect(answer.status).toBe(500);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(await answer.json()).toEqual({ error: 'server_not_configured' });
    expect(consoleError).toHaveBeenCalledTimes(1);
    const [line, ...rest] = consoleError.mock.calls[0] ?? [];
    expect(rest).toEqual([]);
    expect(line).not.toContain('\n');
    expect(line).toMatch(
      /^\[flinks-embed\] authorize token endpoint: FlinksConfigError: createFlinksClient: /,
    );
    for (const name of VARIABLES) expect(line).toContain(name);
    expect(line).toContain('secretKey is missing or blank (got undefined)');
  });

  it('names only what is missing, and never the secret that is set', async () => {
    process.env.FLINKS_SECRET_KEY = SECRET;
    process.env.FLINKS_CUSTOMER_ID = CUSTOMER_ID;
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});

    const route = await import('./fixtures/readme-route');
    const answer = await route.POST(request());

    expect(answer.status).toBe(500);
    const line = String(consoleError.mock.calls[0]?.[0]);
    expect(line).toContain('instance is missing or blank (got undefined)');
    expect(line).toContain('FLINKS_INSTANCE');
    expect(line).not.toContain('FLINKS_SECRET_KEY');
    expect(line).not.toContain(SECRET);
  });

  it('a client with blank options calls nothing and rejects every call with a FlinksConfigError', async () => {
    const fetch = vi.fn();
    const client = createFlinksClient({
      instance: '',
      customerId: ' ',
      secretKey: '\n',
      fetch,
    } as FlinksClientOptions);

    await expect(client.generateAuthorizeToken()).rejects.toThrow(FlinksConfigError);
    await expect(client.authorize({ loginId: 'l-1' })).rejects.toThrow(
      /secretKey is missing or blank \(got a 1-character string\); customerId is missing or blank/,
    );
    expect(fetch).not.toHaveBeenCalled();
    expect(client.customerId).toBe('');
  });

  it('still throws at once for values that are present but wrong', () => {
    expect(() =>
      createFlinksClient({
        instance: 'toolbox',
        customerId: 'acme',
        secretKey: process.env.FLINKS_SECRET_KEY!,
      }),
    ).toThrow(/customerId must be your Flinks customerId, a GUID/);
  });

  it('a handler on such a client answers 500 server_not_configured, not 502', async () => {
    const onError = vi.fn();
    const client = createFlinksClient({
      baseUrl: 'http://127.0.0.1:1',
      customerId: CUSTOMER_ID,
      secretKey: '',
    });

    const answer = await createAuthorizeTokenHandler(client, { onError })(request());

    expect(answer.status).toBe(500);
    expect(onError).toHaveBeenCalledWith(expect.any(FlinksConfigError));
  });
});
