// The element's options take core's ConnectParams: a misspelled parameter is a type error and a
// development warning, and unknownParams sends one on purpose. Its attributes pass through.
import { describe, expect, it, vi } from 'vitest';
import { mountFlinksConnect, unknownParams } from './index';
import { flush, frame, INSTANCE, setupTestEnvironment } from '@flinks-embed/test-support/jsdom';
import { tokenFetcher } from '@flinks-embed/test-support/token-fetchers';
import { container } from '../test/mount-fixture';

setupTestEnvironment();

const query = () => new URL(frame().src).searchParams;

describe('mountFlinksConnect params the library does not know', () => {
  it('warns once of a misspelled parameter, naming the nearest known one', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    for (let n = 0; n < 2; n++) {
      mountFlinksConnect(container(), {
        instance: INSTANCE,
        fetchAuthorizeToken: tokenFetcher(),
        // @ts-expect-error: innerRedirects is a typo of innerRedirect
        params: { innerRedirects: true },
      });
    }
    await flush();
    expect(warn).toHaveBeenCalledOnce();
    expect(warn.mock.calls[0]![0]).toContain('Did you mean `innerRedirect`?');
  });

  it('sends unknownParams without a warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    mountFlinksConnect(container(), {
      instance: INSTANCE,
      fetchAuthorizeToken: tokenFetcher(),
      params: { demo: true, ...unknownParams({ partnerCode: 'acme' }) },
    });
    await flush();
    expect(query().get('partnerCode')).toBe('acme');
    expect(warn).not.toHaveBeenCalled();
  });
});
