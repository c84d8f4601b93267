import { renderToString } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FlinksConnect, useAuthorizeToken } from './index';

describe('server rendering (Node, no DOM)', () => {
  it('runs where window and document do not exist', () => {
    expect(typeof window).toBe('undefined');
    expect(typeof document).toBe('undefined');
  });

  it('renders the loading state and no preconnect hint, fetching nothing', () => {
    vi.useFakeTimers();
    const fetcher = vi.fn(async () => 'token');
    const html = renderToString(
      <FlinksConnect instance="toolbox" fetchAuthorizeToken={fetcher} params={{ language: 'fr' }} />,
    );
    expect(html).toContain('role="status"');
    expect(html).not.toContain('<link');
    expect(html).not.toContain('<iframe');
    expect(html).not.toMatch(/<(script|style|meta)\b/);
    // Nothing was scheduled to fetch later either.
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(fetcher).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('with an initialToken value, renders the iframe with that token and the early-messages script, fetching nothing', () => {
    vi.useFakeTimers();
    const fetcher = vi.fn(async () => 'token');
    const html = renderToString(
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={fetcher}
        initialToken={{ token: 'server-token', expiresIn: 1_800 }}
        nonce="n0nce"
      />,
    );
    expect(html).toMatch(/^<script nonce="n0nce">self\.__flinksEarly\|\|/);
    expect(html).toMatch(
      /<iframe src="https:\/\/toolbox-iframe\.private\.fin\.ag\/v2\/\?authorizeToken=server-token" name="flinks-connect-[0-9a-z]+"/,
    );
    expect(vi.getTimerCount()).toBe(0);
    vi.runAllTimers();
    expect(fetcher).not.toHaveBeenCalled();
    vi.useRealTimers();
  });

  it('renders useAuthorizeToken as idle', () => {
    const fetcher = vi.fn(async () => 'token');
    const Probe = () => <output>{useAuthorizeToken(fetcher).status}</output>;
    expect(renderToString(<Probe />)).toBe('<output>idle</output>');
    expect(fetcher).not.toHaveBeenCalled();
  });
});
