import { describe, expect, it } from 'vitest';
import { buildConnectUrl, connectUrlForInstance, FlinksConnectError, paramEntries } from './index';

const BASE = 'https://toolbox-iframe.private.fin.ag/v2/';

describe('connectUrlForInstance', () => {
  it('builds the v2 Connect URL of an instance', () => {
    expect(connectUrlForInstance('toolbox')).toBe(BASE);
    expect(connectUrlForInstance('acme-ca')).toBe('https://acme-ca-iframe.private.fin.ag/v2/');
  });

  it.each(['', 'evil.com/x', 'a b', '-lead', 'trail-', 'tool_box', 'x?y', 'toolbox.attacker'])(
    'rejects the instance name %j with a clear error',
    (name) => {
      expect(() => connectUrlForInstance(name)).toThrow(/Invalid Flinks instance name.*connectUrl/);
    },
  );
});

describe('buildConnectUrl', () => {
  it('writes booleans, numbers and strings, drops undefined, and adds the token once', () => {
    const url = new URL(
      buildConnectUrl(
        BASE,
        { demo: true, consentEnable: false, maximumRetry: 3, language: 'fr', tag: undefined },
        'tok',
      ),
    );
    expect(url.origin + url.pathname).toBe(BASE);
    expect([...url.searchParams]).toEqual([
      ['consentEnable', 'false'],
      ['demo', 'true'],
      ['language', 'fr'],
      ['maximumRetry', '3'],
      ['authorizeToken', 'tok'],
    ]);
  });

  it('keeps the query of the base URL', () => {
    const url = new URL(buildConnectUrl(`${BASE}?headerEnable=false`, { theme: 'dark' }, 't'));
    expect(url.searchParams.get('headerEnable')).toBe('false');
    expect(url.searchParams.get('theme')).toBe('dark');
  });

  it.each([
    'a&authorizeToken=stolen',
    'x=y',
    'hash#fragment',
    '100%',
    '1+1 = 2',
    'Montréal 🏦 — Québec',
    'https://app.example/done?x=1&y=2#z',
    '  spaces  ',
  ])('round-trips the hostile value %j exactly', (value) => {
    const url = new URL(buildConnectUrl(BASE, { redirectUrl: value, customerName: value }, 'the-token'));
    expect(url.searchParams.get('redirectUrl')).toBe(value);
    expect(url.searchParams.get('customerName')).toBe(value);
    expect(url.searchParams.getAll('authorizeToken')).toEqual(['the-token']);
    expect(url.hash).toBe('');
  });

  it('encodes a hostile token so it cannot add parameters', () => {
    const url = new URL(buildConnectUrl(BASE, { demo: true }, 'a&demo=false#x'));
    expect(url.searchParams.getAll('authorizeToken')).toEqual(['a&demo=false#x']);
    expect(url.searchParams.getAll('demo')).toEqual(['true']);
  });

  it('refuses authorizeToken in params or in the base URL', () => {
    const params = { authorizeToken: 'old' } as unknown as Record<string, string>;
    expect(() => buildConnectUrl(BASE, params, 't')).toThrow(/Do not pass authorizeToken in params/);
    expect(() => buildConnectUrl(`${BASE}?authorizeToken=old`, {}, 't')).toThrow(
      /must not contain authorizeToken/,
    );
  });

  it.each(['AuthorizeToken', 'AUTHORIZETOKEN', 'authorizetoken'])(
    'refuses the case variant %s in params or in the base URL, like the exact name',
    (name) => {
      expect(() => buildConnectUrl(BASE, { [name]: 'old' }, 't')).toThrow(
        new RegExp(`Do not pass authorizeToken in params \\(got "${name}"\\)`),
      );
      expect(() => buildConnectUrl(`${BASE}?${name}=old`, {}, 't')).toThrow(
        /must not contain authorizeToken/,
      );
    },
  );

  it.each([
    'https://user:pass@toolbox-iframe.private.fin.ag/v2/',
    'https://user@toolbox-iframe.private.fin.ag/v2/',
    'https://:pass@toolbox-iframe.private.fin.ag/v2/',
  ])('refuses a connectUrl with credentials (%s), naming the fix', (base) => {
    let error: unknown;
    try {
      buildConnectUrl(base, {}, 't');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FlinksConnectError);
    expect((error as Error).message).toMatch(
      /must not contain a user name or password \("user:pass@"\).*Remove them/,
    );
  });

  it('refuses values that are not strings, numbers or booleans', () => {
    const params = { tag: { nested: true } } as unknown as Record<string, string>;
    expect(() => buildConnectUrl(BASE, params, 't')).toThrow(
      'params.tag must be a string, number or boolean.',
    );
  });

  it.each([
    ['http://toolbox-iframe.private.fin.ag/v2/', /must use https:/],
    ['http://192.168.1.10:8787/v2/', /must use https:/],
    ['http://localhost.evil.com/v2/', /must use https:/],
    ['javascript:alert(1)', /must use https:/],
    ['ftp://example.com/', /must use https:/],
    ['/v2/', /not an absolute URL/],
    ['toolbox', /not an absolute URL/],
  ])('rejects the base %j', (base, message) => {
    let error: unknown;
    try {
      buildConnectUrl(base, {}, 't');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(FlinksConnectError);
    expect((error as FlinksConnectError).code).toBe('invalid_options');
    expect((error as Error).message).toMatch(message);
  });

  it.each(['http://localhost:8787/v2/', 'http://127.0.0.1:5/v2/', 'http://[::1]:9/v2/'])(
    'accepts http: on the loopback host %s for the simulator',
    (base) => {
      expect(new URL(buildConnectUrl(base, {}, 't')).searchParams.get('authorizeToken')).toBe('t');
    },
  );
});

describe('paramEntries', () => {
  it('is the same for equal params in any key order', () => {
    expect(paramEntries({ demo: true, language: 'fr' })).toEqual(
      paramEntries({ language: 'fr', demo: true }),
    );
    expect(paramEntries({ demo: true, tag: undefined })).toEqual(paramEntries({ demo: true }));
    expect(paramEntries({ demo: true })).not.toEqual(paramEntries({ demo: false }));
    expect(paramEntries()).toEqual([]);
  });
});
