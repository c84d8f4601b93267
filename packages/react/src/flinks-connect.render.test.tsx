import { FlinksConnectError } from '@flinks-embed/core';
import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { FlinksConnect, type FlinksConnectProps } from './index';
import { DEFAULT_TITLE, flush, frame, INSTANCE, setupTestEnvironment, tokenFetcher } from '../test/jsdom';

setupTestEnvironment();

describe('<FlinksConnect> markup', () => {
  it('renders an accessible, borderless iframe Flinks can use', async () => {
    render(<FlinksConnect instance={INSTANCE} fetchAuthorizeToken={tokenFetcher()} />);
    await flush();
    const iframe = screen.getByTitle(DEFAULT_TITLE);
    expect(iframe).toBe(frame());
    expect(iframe).toHaveAttribute('allow', 'clipboard-write; fullscreen');
    expect(iframe).toHaveAttribute('width', '100%');
    expect(iframe).toHaveAttribute('height', '760');
    expect(iframe.style.borderWidth).toBe('0px');
    expect(iframe).not.toHaveAttribute('class');
  });

  it('takes title, className, style and iframeProps, overriding the defaults', async () => {
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        title="Link your account"
        className="connect"
        style={{ height: 600, border: '2px solid red' }}
        iframeProps={{ allow: 'clipboard-write', height: 500, referrerPolicy: 'no-referrer', id: 'flinks' }}
      />,
    );
    await flush();
    const iframe = screen.getByTitle('Link your account');
    expect(iframe).toHaveClass('connect');
    expect(iframe.style.height).toBe('600px');
    expect(iframe.style.border).toBe('2px solid red');
    expect(iframe).toHaveAttribute('allow', 'clipboard-write');
    expect(iframe).toHaveAttribute('height', '500');
    expect(iframe).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(iframe).toHaveAttribute('id', 'flinks');
  });

  it('shows a custom loadingFallback', () => {
    render(
      <FlinksConnect
        instance={INSTANCE}
        fetchAuthorizeToken={tokenFetcher()}
        loadingFallback={<p>Hold on…</p>}
      />,
    );
    expect(screen.getByText('Hold on…')).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('puts the params and the token in the iframe URL', async () => {
    render(
      <FlinksConnect
        connectUrl="https://acme-ca-iframe.private.fin.ag/v2/?theme=dark"
        fetchAuthorizeToken={tokenFetcher()}
        params={{ language: 'fr', consentEnable: true, backgroundColor: '1f2937' }}
      />,
    );
    await flush();
    expect(frame().src).toBe(
      'https://acme-ca-iframe.private.fin.ag/v2/?theme=dark&backgroundColor=1f2937&consentEnable=true&language=fr&authorizeToken=token-1',
    );
  });
});

describe('<FlinksConnect> invalid props', () => {
  const thrown = (props: Record<string, unknown>): FlinksConnectError => {
    try {
      renderToString(<FlinksConnect {...(props as unknown as FlinksConnectProps)} />);
    } catch (error) {
      expect(error).toBeInstanceOf(FlinksConnectError);
      return error as FlinksConnectError;
    }
    throw new Error('expected a FlinksConnectError');
  };
  const fetchAuthorizeToken = tokenFetcher();

  it('needs exactly one of instance and connectUrl', () => {
    expect(thrown({ fetchAuthorizeToken })).toMatchObject({
      code: 'invalid_options',
      message: expect.stringMatching(/exactly one of instance .* and connectUrl; it got neither/),
    });
    expect(
      thrown({
        fetchAuthorizeToken,
        instance: INSTANCE,
        connectUrl: 'https://toolbox-iframe.private.fin.ag/v2/',
      }),
    ).toMatchObject({ code: 'invalid_options', message: expect.stringContaining('it got both') });
  });

  it('names the fix for a bad instance, connectUrl, params, fetcher or option', () => {
    expect(thrown({ fetchAuthorizeToken, instance: 'not a name' }).message).toContain(
      'Invalid Flinks instance',
    );
    expect(thrown({ fetchAuthorizeToken, connectUrl: 'http://example.com/v2/' }).message).toContain('https:');
    expect(
      thrown({ fetchAuthorizeToken, instance: INSTANCE, params: { authorizeToken: 'x' } }).message,
    ).toContain('Do not pass authorizeToken');
    expect(thrown({ instance: INSTANCE }).message).toContain('fetchAuthorizeToken must be a function');
    expect(thrown({ fetchAuthorizeToken, instance: INSTANCE, loadTimeoutMs: 0 }).message).toContain(
      'loadTimeoutMs',
    );
    expect(thrown({ fetchAuthorizeToken, instance: INSTANCE, refreshMarginMs: -1 }).message).toContain(
      'refreshMarginMs',
    );
  });
});
