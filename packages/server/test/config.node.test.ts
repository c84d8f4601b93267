import { describe, expect, it } from 'vitest';
import { FlinksConfigError, createFlinksClient } from '../src/index';
import type { FlinksClientOptions } from '../src/index';

const VALID = {
  instance: 'toolbox',
  customerId: '43387ca6-0391-4c82-857d-70d95f087ecb',
  secretKey: 'sk_test_123',
};

function configError(options: unknown): FlinksConfigError {
  try {
    createFlinksClient(options as FlinksClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(FlinksConfigError);
    expect(error).toBeInstanceOf(TypeError);
    return error as FlinksConfigError;
  }
  throw new Error('createFlinksClient accepted invalid options');
}

describe('createFlinksClient options', () => {
  it('builds the API host from the instance name', () => {
    expect(createFlinksClient(VALID).baseUrl).toBe('https://toolbox-api.private.fin.ag');
    expect(createFlinksClient({ ...VALID, instance: 'Acme-CA' }).baseUrl).toBe(
      'https://acme-ca-api.private.fin.ag',
    );
  });

  it('lets baseUrl replace the host (trailing slashes dropped), with or without an instance', () => {
    expect(createFlinksClient({ ...VALID, baseUrl: 'http://127.0.0.1:8787/' }).baseUrl).toBe(
      'http://127.0.0.1:8787',
    );
    const { instance: _, ...withoutInstance } = VALID;
    expect(createFlinksClient({ ...withoutInstance, baseUrl: 'http://127.0.0.1:8787' }).baseUrl).toBe(
      'http://127.0.0.1:8787',
    );
  });

  it('does not expose the secret key on the client', () => {
    const client = createFlinksClient(VALID);

    expect(JSON.stringify(client)).not.toContain(VALID.secretKey);
    expect(Object.values(client)).not.toContain(VALID.secretKey);
  });

  it.each([
    [
      'a secretKey that is not a string',
      { ...VALID, secretKey: 42 },
      /secretKey must be a string; got a number/,
    ],
    [
      'a customerId that is not a GUID',
      { ...VALID, customerId: 'acme' },
      /customerId must be your Flinks customerId, a GUID/,
    ],
    [
      'neither instance nor baseUrl',
      { customerId: VALID.customerId, secretKey: VALID.secretKey },
      /pass instance \(e\.g\. "toolbox"/,
    ],
    [
      'an instance given as a URL',
      { ...VALID, instance: 'https://toolbox-api.private.fin.ag' },
      /not a URL or host\. To use another host, pass baseUrl/,
    ],
    ['an instance with the -api suffix', { ...VALID, instance: 'toolbox-api' }, /pass the name without it/],
    ['an instance with other characters', { ...VALID, instance: 'tool box' }, /letters, digits and dashes/],
    ['a relative baseUrl', { ...VALID, baseUrl: '/api' }, /baseUrl must be an absolute http\(s\) URL/],
    ['a baseUrl with a query', { ...VALID, baseUrl: 'https://x.example/?a=1' }, /must not have a query/],
    [
      'a zero timeoutMs',
      { ...VALID, timeoutMs: 0 },
      /timeoutMs must be a positive number of milliseconds; got 0/,
    ],
    [
      'a NaN tokenLifetimeMs',
      { ...VALID, tokenLifetimeMs: Number.NaN },
      /tokenLifetimeMs must be a positive number/,
    ],
  ])('rejects %s with a message that names the fix', (_, options, message) => {
    expect(configError(options).message).toMatch(message);
  });

  it('never echoes a value it rejects: a secret key passed as customerId stays out of the message', () => {
    const error = configError({ ...VALID, customerId: 'sk_live_SHOULD_NOT_LEAK' });

    expect(error.message).not.toContain('sk_live_SHOULD_NOT_LEAK');
    expect(error.message).toContain('got a 23-character string');
  });
});
