// Which prop changes load the iframe again with a fresh token: params by value, instance, connectUrl.
import { render } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { FlinksConnect } from './index';
import { flush, frame, INSTANCE, setupTestEnvironment, tokenFetcher, tokenIn } from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> token rules', () => {
  it('loads the iframe again with a fresh token when params change by value, and only then', async () => {
    const fetcher = tokenFetcher();
    const view = render(
      <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={{ language: 'en' }} />,
      {
        wrapper: StrictMode,
      },
    );
    await flush();
    const before = frame().src;
    expect(new URL(before).searchParams.get('language')).toBe('en');

    // Same values in a new object, with an undefined extra: nothing happens.
    view.rerender(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={fetcher}
        params={{ demo: undefined, language: 'en' }}
      />,
    );
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(frame().src).toBe(before);

    view.rerender(
      <FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} params={{ language: 'fr' }} />,
    );
    await flush();
    expect(fetcher).toHaveBeenCalledTimes(2);
    const after = frame().src;
    expect(new URL(after).searchParams.get('language')).toBe('fr');
    expect(tokenIn(after)).toBe('token-2');
    expect(after).not.toContain('token-1');
  });

  it('loads again with a fresh token when the instance or connectUrl changes', async () => {
    const fetcher = tokenFetcher();
    const view = render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={fetcher} />);
    await flush();
    view.rerender(<FlinksConnect instance="acme-ca" fetchAuthorizeToken={fetcher} />);
    await flush();
    expect(frame().src).toBe('https://acme-ca-iframe.private.fin.ag/v2/?authorizeToken=token-2');
    view.rerender(<FlinksConnect connectUrl="http://localhost:4010/v2/" fetchAuthorizeToken={fetcher} />);
    await flush();
    expect(frame().src).toBe('http://localhost:4010/v2/?authorizeToken=token-3');
    expect(fetcher).toHaveBeenCalledTimes(3);
  });
});
