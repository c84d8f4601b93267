import { describe, expect, it } from 'vitest';
import {
  classifyConnectMessage,
  parseConnectMessage,
  readConnectRedirect,
  redirectDetails,
  type ConnectEvent,
} from './index';
import { hasUnsafeRedirectUrl } from './messages';

const origin = 'https://toolbox-iframe.private.fin.ag';
const frame = { name: 'the iframe window' };
const from = { origin, source: frame };
const message = (data: unknown, overrides: { origin?: string; source?: unknown } = {}) =>
  ({ data, origin, source: frame, ...overrides }) as MessageEvent;

describe('parseConnectMessage', () => {
  it('accepts a step event from the iframe origin and window', () => {
    expect(
      parseConnectMessage(message({ step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' }), from),
    ).toEqual({
      type: 'step',
      step: 'INSTITUTION_SELECTED',
      data: { step: 'INSTITUTION_SELECTED', institution: 'FlinksCapital' },
    });
  });

  it('accepts JSON-string payloads (stringify=true)', () => {
    expect(parseConnectMessage(message('{"step":"APP_MOUNTED"}'), from)).toMatchObject({
      step: 'APP_MOUNTED',
    });
  });

  it('types flinksCode payloads as error events', () => {
    const data = { flinksCode: 'INVALID_LOGIN', requestId: 'r1', institution: 'FlinksCapital' };
    expect(parseConnectMessage(message(JSON.stringify(data)), from)).toEqual({
      type: 'error',
      flinksCode: 'INVALID_LOGIN',
      data,
    });
  });

  it('passes unknown steps through', () => {
    expect(parseConnectMessage(message({ step: 'SOMETHING_NEW_2027', extra: 1 }), from)).toMatchObject({
      type: 'step',
      step: 'SOMETHING_NEW_2027',
      data: { extra: 1 },
    });
  });

  it.each([
    ['a wrong origin', { origin: 'https://evil.example' }],
    ['a look-alike origin', { origin: 'https://toolbox-iframe.private.fin.ag.evil.example' }],
    ['an origin with a trailing slash', { origin: `${origin}/` }],
    ['another window with the right origin', { source: { name: 'another frame' } }],
    ['no source', { source: null }],
  ])('ignores the right payload from %s', (_, overrides) => {
    expect(parseConnectMessage(message({ step: 'REDIRECT', loginId: 'x' }, overrides), from)).toBeNull();
  });

  it('accepts nothing before the iframe exists', () => {
    expect(
      parseConnectMessage(message({ step: 'APP_MOUNTED' }, { source: null }), { origin, source: null }),
    ).toBeNull();
  });

  it.each([
    ['malformed JSON', '{"step": "APP_MOUNTED"'],
    ['null', null],
    ['undefined', undefined],
    ['an array', [{ step: 'APP_MOUNTED' }]],
    ['a JSON array', '[1,2]'],
    ['a number', 42],
    ['a JSON number', '42'],
    ['a plain string', 'hello'],
    ['an empty object', {}],
    ['an empty step', { step: '' }],
    ['a non-string step', { step: 7 }],
    ['a non-string flinksCode', { flinksCode: { code: 'X' } }],
    ['a function', () => 'APP_MOUNTED'],
  ])('returns null, never throws, for %s', (_, data) => {
    expect(parseConnectMessage(message(data), from)).toBeNull();
  });
});

describe('classifyConnectMessage', () => {
  it('tells malformed messages from the Connect origin apart from foreign ones', () => {
    expect(classifyConnectMessage(message('nope'), from)).toEqual({
      kind: 'invalid',
      sender: 'frame',
      data: 'nope',
    });
    expect(classifyConnectMessage(message('nope', { origin: 'https://x.example' }), from)).toEqual({
      kind: 'foreign',
    });
  });

  it('names the sender of a Connect-origin message: the frame, a gone window, or another window', () => {
    const data = { step: 'REDIRECT', loginId: 'L' };
    expect(classifyConnectMessage(message(data), from)).toMatchObject({ kind: 'event', sender: 'frame' });
    expect(classifyConnectMessage(message(data, { source: null }), from)).toMatchObject({
      kind: 'event',
      sender: 'gone',
      event: { step: 'REDIRECT', data },
    });
    expect(classifyConnectMessage(message(data, { source: { name: 'a pop-up' } }), from)).toMatchObject({
      kind: 'event',
      sender: 'other',
    });
    // Before there is an iframe, no message is the frame's own, not even one without a source.
    expect(classifyConnectMessage(message(data, { source: null }), { origin, source: null })).toMatchObject({
      sender: 'gone',
    });
    // Another origin is foreign whatever its source.
    expect(
      classifyConnectMessage(message(data, { origin: 'https://evil.example', source: null }), from),
    ).toEqual({
      kind: 'foreign',
    });
  });
});

const redirect = (data: Record<string, unknown>): ConnectEvent => ({ type: 'step', step: 'REDIRECT', data });

describe('redirectDetails', () => {
  it('reads the fields of the payload', () => {
    expect(
      redirectDetails(
        redirect({ loginId: 'L1', institution: 'FlinksCapital', requestId: 'R', accountId: 7, tag: 't' }),
      ),
    ).toEqual({ loginId: 'L1', institution: 'FlinksCapital', requestId: 'R', accountId: '7', tag: 't' });
  });

  it('reads loginId from the url when only the url has it, even as its first parameter', () => {
    const url = 'https://app.example/done?loginId=8b35&institution=FlinksCapital&accountId=a1&tag=x%26y';
    expect(redirectDetails(redirect({ institution: 'FlinksCapital', url }))).toEqual({
      loginId: '8b35',
      institution: 'FlinksCapital',
      accountId: 'a1',
      tag: 'x&y',
      url,
    });
  });

  it('prefers payload fields over the url query', () => {
    const url = 'https://app.example/done?loginId=from-url&institution=FromUrl';
    expect(redirectDetails(redirect({ loginId: 'from-field', url }))).toMatchObject({
      loginId: 'from-field',
      institution: 'FromUrl',
    });
  });

  it('copes with relative and broken urls, reading the query but handing on no url', () => {
    const relative = redirect({ url: '/done?loginId=rel' });
    expect(redirectDetails(relative)).toEqual({ loginId: 'rel', institution: '' });
    expect(hasUnsafeRedirectUrl(relative)).toBe(true);
    expect(redirectDetails(redirect({ url: 'http://[broken' }))).toBeNull();
  });

  it.each([
    ['javascript:', 'javascript:alert(document.domain)//?loginId=evil'],
    ['data:', 'data:text/html,<script>alert(1)</script>?loginId=evil'],
    ['vbscript:', 'vbscript:msgbox(1)?loginId=evil'],
    ['JaVaScRiPt: with spaces', '  JaVaScRiPt:alert(1)'],
    ['file:', 'file:///etc/passwd?loginId=evil'],
  ])('drops a %s url from the details and reads no loginId from it', (_, url) => {
    const event = redirect({ loginId: 'L1', institution: 'FlinksCapital', url });
    expect(redirectDetails(event)).toEqual({ loginId: 'L1', institution: 'FlinksCapital' });
    expect(hasUnsafeRedirectUrl(event)).toBe(true);
    expect(redirectDetails(redirect({ url }))).toBeNull();
  });

  it('hands on http and https urls', () => {
    for (const url of ['https://app.example/done?loginId=a', 'http://localhost:5173/done?loginId=a']) {
      const event = redirect({ url });
      expect(redirectDetails(event)).toEqual({ loginId: 'a', institution: '', url });
      expect(hasUnsafeRedirectUrl(event)).toBe(false);
    }
  });

  it('is null without a loginId or for other events', () => {
    expect(redirectDetails(redirect({ institution: 'FlinksCapital' }))).toBeNull();
    expect(redirectDetails({ type: 'step', step: 'APP_MOUNTED', data: { loginId: 'x' } })).toBeNull();
    expect(
      redirectDetails({ type: 'error', flinksCode: 'INVALID_LOGIN', data: { loginId: 'x' } }),
    ).toBeNull();
  });
});

describe('readConnectRedirect', () => {
  it('reads the result from a landing URL, as a string or a URL', () => {
    const href =
      'https://app.example/done?loginId=8b35&institution=FlinksCapital&requestId=r1&accountId=a1&tag=x%26y';
    const expected = {
      loginId: '8b35',
      institution: 'FlinksCapital',
      requestId: 'r1',
      accountId: 'a1',
      tag: 'x&y',
      url: href,
    };
    expect(readConnectRedirect(href)).toEqual(expected);
    expect(readConnectRedirect(new URL(href))).toEqual(expected);
  });

  it('is null without a loginId, for a relative, broken or non-http URL', () => {
    expect(readConnectRedirect('https://app.example/done?institution=FlinksCapital')).toBeNull();
    expect(readConnectRedirect('https://app.example/done?loginId=')).toBeNull();
    expect(readConnectRedirect('/done?loginId=a')).toBeNull();
    expect(readConnectRedirect('http://[broken')).toBeNull();
    expect(readConnectRedirect('javascript:alert(1)//?loginId=a')).toBeNull();
  });
});
