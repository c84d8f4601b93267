import type { Meta, StoryObj } from '@storybook/react-vite';
import { useEffect, useId, useState } from 'react';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  createFakeTokenServer,
  type FakeTokenServer,
  type FakeTokenServerSettings,
} from '../stories-kit/fake-token-server';
import { shortToken, TokenRequestLog } from '../stories-kit/logs';
import { LOAD_TIMEOUT, sleep, tokenRequests } from '../stories-kit/play';
import { useAuthorizeToken } from './use-authorize-token';

interface TokenPanelArgs extends FakeTokenServerSettings {
  /** An unused token is replaced this long before it expires (`refreshMarginMs`). */
  refreshMarginMs: number;
  /** Tries per round (`retry.attempts`). */
  attempts: number;
}

/** Whole seconds left, as `m:ss`; `expired` once past. */
function countdown(expiresAt: number, now: number): string {
  const left = Math.ceil((expiresAt - now) / 1000);
  if (left <= 0) return 'expired';
  return `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
}

/** The clock, ticking every quarter second while there is an expiry to count down to. */
function useNow(expiresAt: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAt === null) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // a new token: catch up at once
    const every = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(every);
    };
  }, [expiresAt]);
  return now;
}

const row = { display: 'grid', gridTemplateColumns: '9em 1fr', gap: 8, margin: '4px 0' } as const;
const button = { padding: '6px 12px', marginRight: 8 } as const;

/**
 * What an app embedding Connect its own way shows: the hook's state, the time left on the token,
 * and its two actions. `server` stands in for the app's token route.
 */
function TokenPanel({ server, refreshMarginMs, attempts }: { server: FakeTokenServer } & TokenPanelArgs) {
  // A new fetcher and options object on every render (the countdown renders four times a second):
  // neither may refetch; the token request log shows it.
  const { status, token, expiresAt, error, used, refresh, markUsed } = useAuthorizeToken(
    (context) => server.fetchAuthorizeToken(context),
    { refreshMarginMs, retry: { attempts } },
  );
  const now = useNow(expiresAt);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} style={{ font: '15px/1.5 system-ui, sans-serif', maxWidth: 560 }}>
      <h2 id={headingId} style={{ fontSize: 18, margin: '0 0 8px' }}>
        Authorize token
      </h2>
      <dl style={{ margin: '0 0 12px' }}>
        <div style={row}>
          <dt>Status</dt>
          <dd style={{ margin: 0 }} data-testid="status">
            {status}
          </dd>
        </div>
        <div style={row}>
          <dt>Token</dt>
          <dd style={{ margin: 0 }} data-testid="token" data-token={token ?? ''}>
            {token ? shortToken(token) : '—'}
          </dd>
        </div>
        <div style={row}>
          <dt>Expires in</dt>
          <dd style={{ margin: 0 }} data-testid="countdown">
            {expiresAt === null ? '—' : countdown(expiresAt, now)}
            {used && ' (used: kept, never replaced)'}
          </dd>
        </div>
        {error && (
          <div style={row}>
            <dt>Error</dt>
            <dd style={{ margin: 0, color: '#a40e26' }} role="alert">
              {error.code}: {error.message}
            </dd>
          </div>
        )}
      </dl>
      <button type="button" style={button} onClick={refresh}>
        Refresh
      </button>
      <button type="button" style={button} onClick={markUsed} disabled={status !== 'ready' || used}>
        Mark used
      </button>
      <TokenRequestLog server={server} />
    </section>
  );
}

/** A new endpoint (and so a new hook) whenever its controls change. */
function TokenPanelStory(args: TokenPanelArgs) {
  const { latencyMs, failures, lifetimeSeconds } = args;
  return <TokenPanelRun key={JSON.stringify([latencyMs, failures, lifetimeSeconds])} {...args} />;
}

function TokenPanelRun(args: TokenPanelArgs) {
  const [server] = useState(() => createFakeTokenServer(args));
  return <TokenPanel server={server} {...args} />;
}

const endpoint = { category: 'Token endpoint (story controls)' };
const options = { category: 'Hook options' };

const meta = {
  title: 'Components/useAuthorizeToken',
  component: TokenPanelStory,
  parameters: {
    docs: {
      description: {
        component:
          '`useAuthorizeToken(fetchAuthorizeToken, options)` gives a fresh, single-use Flinks authorize token for ' +
          'your own embedding (`<FlinksConnect>` uses the same rules): fetched once per mount, retried with ' +
          'backoff, replaced `refreshMarginMs` before it expires until you call `markUsed()`. It returns ' +
          '`{ status, token, expiresAt, error, used, refresh, markUsed }`. The panel below is a small app using ' +
          'it; the token endpoint runs in the browser with the latency, failures and lifetime the controls set.',
      },
    },
  },
  args: { latencyMs: 400, failures: 0, lifetimeSeconds: 30, refreshMarginMs: 5000, attempts: 3 },
  argTypes: {
    latencyMs: { control: { type: 'range', min: 0, max: 20_000, step: 100 }, table: endpoint },
    failures: { control: { type: 'number', min: 0, max: 99, step: 1 }, table: endpoint },
    lifetimeSeconds: { control: { type: 'number', min: 2, max: 3600, step: 1 }, table: endpoint },
    refreshMarginMs: { control: { type: 'number', min: 0, step: 500 }, table: options },
    attempts: { control: { type: 'number', min: 1, max: 10, step: 1 }, table: options },
  },
} satisfies Meta<typeof TokenPanelStory>;

export default meta;
type Story = StoryObj<typeof meta>;

const panelToken = (canvasElement: HTMLElement): string =>
  within(canvasElement).getByTestId('token').dataset.token ?? '';

/** Status, countdown to expiry, and Refresh: a new token, superseding the current one. */
export const StatusAndRefresh: Story = {
  name: 'Status, countdown and refresh',
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await step('loading, then ready with a token and a countdown', async () => {
      await expect(canvas.getByTestId('status')).toHaveTextContent(/^(idle|loading)$/);
      await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('ready'), {
        timeout: LOAD_TIMEOUT,
      });
      await expect(panelToken(canvasElement)).toMatch(/^[0-9a-f-]{36}$/);
      // A 30-second token: between 0:26 and 0:30 left.
      await waitFor(() => expect(canvas.getByTestId('countdown')).toHaveTextContent(/^0:(2[6-9]|30)$/));
    });
    await step('Refresh: loading, then a different token', async () => {
      const first = panelToken(canvasElement);
      await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
      await expect(canvas.getByTestId('status')).toHaveTextContent('loading');
      await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('ready'), {
        timeout: LOAD_TIMEOUT,
      });
      await expect(panelToken(canvasElement)).not.toBe(first);
      await expect(tokenRequests(canvasElement)).toEqual(['mount:minted', 'refresh:minted']);
    });
  },
};

/**
 * Four-second tokens, replaced one second before expiry while unused; after "Mark used" (what
 * `<FlinksConnect>` does on `SUBMIT_CREDENTIAL`) the token is kept until it expires.
 */
export const AutoRenewal: Story = {
  name: 'Renewal before expiry, until used',
  args: { lifetimeSeconds: 4, refreshMarginMs: 1000 },
  play: async ({ canvasElement, step }) => {
    const canvas = within(canvasElement);
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('ready'), {
      timeout: LOAD_TIMEOUT,
    });
    const first = panelToken(canvasElement);
    await step('unused: replaced by a fresh token (reason "expired")', async () => {
      await waitFor(() => expect(tokenRequests(canvasElement)).toEqual(['mount:minted', 'expired:minted']), {
        timeout: LOAD_TIMEOUT,
      });
      await waitFor(() => expect(panelToken(canvasElement)).not.toBe(first));
    });
    await step('used: kept past its refresh time, then shown as expired', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Mark used' }));
      await expect(canvas.getByTestId('countdown')).toHaveTextContent('used');
      const kept = panelToken(canvasElement);
      await sleep(4500);
      await expect(panelToken(canvasElement)).toBe(kept);
      await expect(tokenRequests(canvasElement)).toEqual(['mount:minted', 'expired:minted']);
      await expect(canvas.getByTestId('countdown')).toHaveTextContent(/^expired/);
    });
  },
};

/** Every try fails: `status: 'error'` with a typed error; Refresh starts a new round. */
export const Failing: Story = {
  name: 'Error, then refresh',
  args: { failures: 3 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The code is the contract; the message (for developers) may be reworded.
    await expect(await canvas.findByRole('alert', {}, { timeout: LOAD_TIMEOUT })).toHaveTextContent(
      /^token_fetch_failed: /,
    );
    await expect(canvas.getByTestId('status')).toHaveTextContent('error');
    await userEvent.click(canvas.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(canvas.getByTestId('status')).toHaveTextContent('ready'), {
      timeout: LOAD_TIMEOUT,
    });
    await expect(canvas.queryByRole('alert')).toBeNull();
    await expect(tokenRequests(canvasElement)).toEqual([
      'mount:failed',
      'mount:failed',
      'mount:failed',
      'refresh:minted',
    ]);
  },
};
