// A misspelled Connect parameter is sent as it is and silently ignored by Flinks (the consent
// screen skipped for `consentEnabled`). The types refuse it, and development builds say so once,
// with the nearest known name and how to send a parameter the library does not know on purpose.
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, unknownParams } from './index';
import { flush, frame, INSTANCE, setupTestEnvironment, tokenFetcher } from '../test/jsdom';

setupTestEnvironment();

const query = () => new URL(frame().src).searchParams;

describe('<FlinksConnect> params the library does not know', () => {
  it('warns once per unknown name, naming the nearest known one and unknownParams', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const view = render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        // @ts-expect-error: consentEnabled is a typo of consentEnable
        params={{ demo: true, consentEnabled: true }}
      />,
    );
    await flush();
    // Sent as it is: the library does not guess.
    expect(query().get('consentEnabled')).toBe('true');
    expect(warn).toHaveBeenCalledOnce();
    const [message] = warn.mock.calls[0]!;
    expect(message).toContain('params.consentEnabled');
    expect(message).toContain('Did you mean `consentEnable`?');
    expect(message).toContain('unknownParams({ consentEnabled: true })');
    // Re-rendered, remounted, with a changed value: said once.
    view.rerender(
      <FlinksConnect
        key="again"
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        // @ts-expect-error: the same typo
        params={{ demo: false, consentEnabled: true }}
      />,
    );
    await flush();
    expect(warn).toHaveBeenCalledOnce();
  });

  it('warns of a value Flinks does not document, and the type refuses it', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        // @ts-expect-error: Connect speaks en and fr
        params={{ language: 'de', theme: 'dark' }}
      />,
    );
    await flush();
    expect(query().get('language')).toBe('de');
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toMatch(
      /params\.language is "de", which Flinks does not document \(en, fr\)/,
    );
  });

  it('sends what unknownParams carries without a warning, and it type-checks', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        params={{ consentEnable: true, ...unknownParams({ brandNewFlag: true, theme: 'blue' }) }}
      />,
    );
    await flush();
    expect(query().get('brandNewFlag')).toBe('true');
    expect(query().get('theme')).toBe('blue');
    expect(query().get('consentEnable')).toBe('true');
    expect(warn).not.toHaveBeenCalled();
  });

  it('says nothing about the parameters it knows', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        params={{ demo: true, language: 'fr', theme: 'light', consentEnable: true, maximumRetry: 3 }}
      />,
    );
    await flush();
    expect(warn).not.toHaveBeenCalled();
  });
});
