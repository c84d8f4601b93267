import { connectLabels } from '@flinks-embed/core';
import { SANDBOX_BANK_LOGIN, SANDBOX_HAPPY_PATH } from '@flinks-embed/simulator/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectStage, type ConnectStageArgs } from '../stories-kit/ConnectStage';
import {
  acceptConsent,
  chooseInstitution,
  connectPage,
  finishSignIn,
  findConnectFrame,
  frameToken,
  LOAD_TIMEOUT,
  eventNames,
  loggedNames,
  signIn,
  sleep,
  tokenRequests,
} from '../stories-kit/play';
import type { ErrorFallbackProps } from './flinks-connect-props';
import { FlinksConnect } from './flinks-connect';

const FR = connectLabels('fr');
const EN = connectLabels('en');

/**
 * What Connect posts when an OAuth bank's sign-in window is blocked, sent from inside the frame
 * (its own realm, so the message's source is the frame, as Connect's is).
 */
function postFromFrame(frame: HTMLIFrameElement, data: unknown): void {
  const inFrame = frame.contentWindow as (Window & { Function: FunctionConstructor }) | null;
  new inFrame!.Function('data', "parent.postMessage(data, '*')")(data);
}

const connectParameter = { category: 'Connect parameters (story controls)' };
const endpoint = { category: 'Token endpoint (story controls)' };
const brandColours = ['#ffffff', '#f5f1e8', '#0f172a', '#2563eb', '#6d28d9', '#b91c1c', '#047857'];

const meta = {
  title: 'Components/FlinksConnect',
  // The prop tables document the real component; the stories render it inside a stage that adds
  // an in-browser token endpoint and the logs, so their args are the stage's.
  component: FlinksConnect as unknown as ComponentType<ConnectStageArgs>,
  render: (args) => <ConnectStage {...args} />,
  parameters: {
    docs: {
      description: {
        component:
          'Flinks Connect in an iframe, with the authorize token handled: one fresh token per iframe load, ' +
          'replaced before it expires until the user submits credentials, and events accepted only from ' +
          'its own iframe. These stories embed the simulator’s Connect page (served by Storybook itself, no ' +
          'Flinks account needed) and a token endpoint that runs in the browser, whose latency, failures and ' +
          'token lifetime the controls set. Under each story: the events it received and the token requests.',
      },
    },
  },
  args: {
    language: 'en',
    theme: 'light',
    backgroundColor: '',
    foregroundColor1: '',
    consentEnable: true,
    latencyMs: 400,
    failures: 0,
    lifetimeSeconds: 1800,
    onEvent: fn(),
    onRedirect: fn(),
    onError: fn(),
  },
  argTypes: {
    language: {
      description: 'Connect’s language (`params.language`).',
      control: 'inline-radio',
      options: ['en', 'fr'],
      table: connectParameter,
    },
    theme: {
      description: 'Connect’s theme (`params.theme`).',
      control: 'inline-radio',
      options: ['light', 'dark'],
      table: connectParameter,
    },
    backgroundColor: {
      description: 'Page colour (`params.backgroundColor`, sent as hex without `#`). Empty: the default.',
      control: { type: 'color', presetColors: brandColours },
      table: connectParameter,
    },
    foregroundColor1: {
      description: 'Accent colour (`params.foregroundColor1`, sent as hex without `#`). Empty: the default.',
      control: { type: 'color', presetColors: brandColours },
      table: connectParameter,
    },
    consentEnable: {
      description: 'Show the consent screen first (`params.consentEnable`).',
      control: 'boolean',
      table: connectParameter,
    },
    latencyMs: {
      description: 'How long the token endpoint takes to answer, in ms. A change starts the story over.',
      control: { type: 'range', min: 0, max: 20_000, step: 100 },
      table: endpoint,
    },
    failures: {
      description:
        'How many token requests fail (HTTP 503) before the endpoint answers. The component tries 3 times ' +
        'per round: 1–2 recover on their own, 3 shows the error fallback, 99 stays down. A change starts over.',
      control: { type: 'number', min: 0, max: 99, step: 1 },
      table: endpoint,
    },
    lifetimeSeconds: {
      description:
        'How long each token lives (the endpoint answers `{ token, expiresIn, expiresAt }`). An unused token is replaced ' +
        'before it expires. A change starts over.',
      control: { type: 'number', min: 2, max: 3600, step: 1 },
      table: endpoint,
    },
    // Set by the stage: the simulator's Connect page and the in-browser endpoint.
    ...Object.fromEntries(
      ['instance', 'connectUrl', 'fetchAuthorizeToken', 'params', 'iframeProps', 'now'].map((name) => [
        name,
        { control: false },
      ]),
    ),
    loadingFallback: { control: false },
    errorFallback: { control: false },
  },
} satisfies Meta<ConnectStageArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const mountedEvent = expect.objectContaining({ type: 'step', step: 'APP_MOUNTED' });

/** The full simulated flow: consent, institution, credentials, security question, account. */
export const Default: Story = {
  parameters: {
    docs: {
      description: {
        story:
          'Click through the whole flow: **Flinks Capital**, username `Greatday`, password `Everyday`, security ' +
          'answer `Montreal`. (`greatday_nomfa` skips the question, `test_service_unavailable` fails the login.)',
      },
    },
  },
  // The loading state has its own story (Loading), with a latency long enough to assert it.
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const frame = await findConnectFrame(canvasElement);
    await expect(frameToken(frame)).toMatch(/^[0-9a-f-]{36}$/);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    const page = await connectPage(frame);
    await expect(await page.findByRole('heading', { name: 'Connect your bank account' })).toBeVisible();
    await expect(canvas.queryByRole('status')).toBeNull();
    await expect(tokenRequests(canvasElement)).toEqual(['mount:minted']);
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** The play function links an account, as a user would; `onRedirect` gets the login. */
export const LinkAnAccount: Story = {
  name: 'Link an account (full flow)',
  play: async ({ canvasElement, args, step }) => {
    const page = await connectPage(await findConnectFrame(canvasElement));
    await step('consent, institution, credentials', async () => {
      await acceptConsent(page);
      await signIn(page);
    });
    await step('security question and account', () => finishSignIn(page));
    await step('REDIRECT reaches onRedirect with the loginId', async () => {
      await waitFor(() =>
        expect(args.onRedirect).toHaveBeenCalledWith(
          expect.objectContaining({
            loginId: expect.stringMatching(/.+/),
            institution: 'FlinksCapital',
            accountId: expect.stringMatching(/.+/),
          }),
          expect.objectContaining({ step: 'REDIRECT' }),
        ),
      );
      await expect(loggedNames(canvasElement)).toEqual([...SANDBOX_HAPPY_PATH, 'onRedirect']);
      // One token for the one load: nothing else was fetched.
      await expect(tokenRequests(canvasElement)).toEqual(['mount:minted']);
    });
  },
};

/** A slow token endpoint: the loading fallback shows until the token arrives. */
export const Loading: Story = {
  args: { latencyMs: 2500 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Loading your bank connection');
    await waitFor(() => expect(tokenRequests(canvasElement)).toEqual(['mount:pending']));
    // Still loading well into the latency: no iframe, no event.
    await sleep(1000);
    await expect(canvas.getByRole('status')).toBeVisible();
    await expect(canvas.queryByTitle('Connect your bank account')).toBeNull();
    await expect(args.onEvent).not.toHaveBeenCalled();
    await findConnectFrame(canvasElement);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    await expect(canvas.queryByRole('status')).toBeNull();
    await expect(tokenRequests(canvasElement)).toEqual(['mount:minted']);
  },
};

/** Two failed requests, then the automatic retry (exponential backoff) gets a token. */
export const TokenFailsThenRecovers: Story = {
  name: 'Token fails, then recovers',
  args: { failures: 2 },
  play: async ({ canvasElement, args }) => {
    await findConnectFrame(canvasElement);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    await expect(tokenRequests(canvasElement)).toEqual(['mount:failed', 'mount:failed', 'mount:minted']);
    // Retried inside one round: no error reached the app.
    await expect(args.onError).not.toHaveBeenCalled();
  },
};

/** Every try of the round fails: the error fallback, whose "Try again" starts a new round. */
export const TokenFailsForGood: Story = {
  name: 'Token fails for good, then Try again',
  args: { failures: 3 },
  parameters: {
    docs: { description: { story: 'Set **failures** to 99 to keep the endpoint down for every round.' } },
  },
  play: async ({ canvasElement, args, step }) => {
    const canvas = within(canvasElement);
    await step('three failed tries: the default error fallback', async () => {
      await expect(await canvas.findByRole('alert', {}, { timeout: LOAD_TIMEOUT })).toHaveTextContent(
        'Your bank connection could not be loaded.',
      );
      await expect(args.onError).toHaveBeenCalledWith(
        expect.objectContaining({ code: 'token_fetch_failed' }),
      );
      await expect(tokenRequests(canvasElement)).toEqual(['mount:failed', 'mount:failed', 'mount:failed']);
      await expect(canvas.queryByTitle('Connect your bank account')).toBeNull();
    });
    await step('Try again recovers with a fresh token', async () => {
      await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
      await findConnectFrame(canvasElement);
      await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
      await expect(canvas.queryByRole('alert')).toBeNull();
      await expect(tokenRequests(canvasElement)).toEqual([
        'mount:failed',
        'mount:failed',
        'mount:failed',
        'retry:minted',
      ]);
    });
  },
};

/**
 * Tokens that live 6 seconds, replaced 2 seconds before they expire: Connect reloads with a fresh
 * token while unused. Once the user has submitted credentials it is never reloaded again.
 */
export const ExpiringToken: Story = {
  name: 'Expiring token',
  args: { lifetimeSeconds: 6, refreshMarginMs: 2000, consentEnable: false },
  parameters: {
    docs: {
      description: {
        story:
          'Watch the token endpoint log: every 4 seconds an `expired` request, and Connect reloads. Sign in ' +
          '(`Greatday` / `Everyday`) and the reloads stop: the token is spent, the user’s session is kept.',
      },
    },
  },
  play: async ({ canvasElement, args, step }) => {
    const first = await findConnectFrame(canvasElement);
    const firstToken = frameToken(first);
    let second = first;
    await step('unused: reloaded with a fresh token before expiry', async () => {
      await waitFor(
        async () => {
          second = await findConnectFrame(canvasElement);
          await expect(frameToken(second)).not.toBe(firstToken);
        },
        { timeout: LOAD_TIMEOUT },
      );
      await expect(second).not.toBe(first);
      await expect(tokenRequests(canvasElement)).toEqual(['mount:minted', 'expired:minted']);
    });
    await step('credentials submitted: no reload after expiry', async () => {
      const page = await connectPage(second);
      await signIn(page);
      await page.findByLabelText('What city were you born in?');
      await expect(args.onEvent).toHaveBeenCalledWith(expect.objectContaining({ step: 'SUBMIT_CREDENTIAL' }));
      // Past the moment this token would have been replaced (4 s after it was minted).
      await sleep(5500);
      const still = await findConnectFrame(canvasElement);
      await expect(still).toBe(second);
      await expect(tokenRequests(canvasElement)).toEqual(['mount:minted', 'expired:minted']);
      await expect(page.getByLabelText('What city were you born in?')).toBeVisible();
    });
  },
};

/** `language: 'fr'`: Connect in French, and the iframe named in French. */
export const French: Story = {
  args: { language: 'fr' },
  play: async ({ canvasElement }) => {
    const frame = await findConnectFrame(canvasElement, FR.title);
    await expect(new URL(frame.src).searchParams.get('language')).toBe('fr');
    const page = await connectPage(frame);
    await expect(frame.contentDocument?.documentElement.lang).toBe('fr');
    await expect(await page.findByRole('heading', { name: 'Connectez votre compte bancaire' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Continuer' })).toBeVisible();
  },
};

/** `theme: 'dark'`. */
export const DarkTheme: Story = {
  name: 'Dark theme',
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const frame = await findConnectFrame(canvasElement);
    await expect(new URL(frame.src).searchParams.get('theme')).toBe('dark');
    await connectPage(frame);
    await expect(frame.contentDocument?.documentElement.dataset.theme).toBe('dark');
  },
};

/** Brand colours through `backgroundColor` and `foregroundColor1`, sent without `#`. */
export const BrandColours: Story = {
  name: 'Brand colours',
  args: { backgroundColor: '#f5f1e8', foregroundColor1: '#6d28d9' },
  play: async ({ canvasElement }) => {
    const frame = await findConnectFrame(canvasElement);
    const query = new URL(frame.src).searchParams;
    await expect(query.get('backgroundColor')).toBe('f5f1e8');
    await expect(query.get('foregroundColor1')).toBe('6d28d9');
    await connectPage(frame);
    const style = frame.contentDocument!.documentElement.style;
    await expect(style.getPropertyValue('--bg')).toBe('#f5f1e8');
    await expect(style.getPropertyValue('--accent')).toBe('#6d28d9');
  },
};

/** The app's own spinner, announced politely; no styles injected, an SVG animation. */
function AppSpinner() {
  return (
    <div
      role="status"
      style={{ display: 'flex', alignItems: 'center', gap: 12, padding: 24, color: '#1e3a8a' }}
    >
      <svg width="28" height="28" viewBox="0 0 28 28" aria-hidden="true">
        <circle cx="14" cy="14" r="11" fill="none" stroke="#bfdbfe" strokeWidth="4" />
        <path d="M14 3a11 11 0 0 1 11 11" fill="none" stroke="#1d4ed8" strokeWidth="4" strokeLinecap="round">
          <animateTransform
            attributeName="transform"
            type="rotate"
            from="0 14 14"
            to="360 14 14"
            dur="0.9s"
            repeatCount="indefinite"
          />
        </path>
      </svg>
      <span>Preparing a secure connection to your bank…</span>
    </div>
  );
}

/** The app's own error card: the announcement is the sentence, the button sits beside it. */
function AppErrorCard({ error, retry }: ErrorFallbackProps) {
  const timeout = error.code === 'token_fetch_timeout' || error.code === 'iframe_load_timeout';
  return (
    <section
      aria-labelledby="bank-error-title"
      style={{
        border: '1px solid #fca5a5',
        background: '#fef2f2',
        borderRadius: 12,
        padding: 24,
        maxWidth: 480,
      }}
    >
      <h2 id="bank-error-title" style={{ margin: '0 0 8px', fontSize: 18, color: '#7f1d1d' }}>
        We couldn’t reach your bank
      </h2>
      <p role="alert" style={{ margin: '0 0 16px', color: '#7f1d1d' }}>
        {timeout ? 'The connection took too long.' : 'Our server could not start a secure session.'} Nothing
        was shared.
      </p>
      <button
        type="button"
        onClick={retry}
        style={{ background: '#b91c1c', color: '#fff', border: 0, borderRadius: 8, padding: '10px 16px' }}
      >
        Try again
      </button>
      <p style={{ margin: '12px 0 0', fontSize: 12, color: '#7f1d1d' }}>Error code: {error.code}</p>
    </section>
  );
}

/**
 * `loadingFallback` and `errorFallback` with the app's own spinner and error card: a slow endpoint
 * that fails one round (try once: `retry: false`), then answers after Try again.
 */
export const CustomFallbacks: Story = {
  name: 'Custom fallbacks',
  args: {
    latencyMs: 1500,
    failures: 1,
    retry: false,
    loadingFallback: <AppSpinner />,
    errorFallback: (props: ErrorFallbackProps) => <AppErrorCard {...props} />,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Preparing a secure connection to your bank');
    await expect(await canvas.findByRole('alert', {}, { timeout: LOAD_TIMEOUT })).toHaveTextContent(
      'Our server could not start a secure session.',
    );
    await expect(canvas.getByRole('heading', { name: 'We couldn’t reach your bank' })).toBeVisible();
    await expect(canvas.getByText('Error code: token_fetch_failed')).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expect(await canvas.findByRole('status')).toHaveTextContent('Preparing a secure connection');
    await findConnectFrame(canvasElement);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    await expect(tokenRequests(canvasElement)).toEqual(['mount:failed', 'retry:minted']);
  },
};

/**
 * Every event reaches `onEvent` (see the Actions panel) and the log under the component; a Flinks
 * error code also reaches `onError`. The play function signs in as a user whose bank is down.
 */
export const EventLog: Story = {
  name: 'Event log',
  play: async ({ canvasElement, args }) => {
    const page = await connectPage(await findConnectFrame(canvasElement));
    await acceptConsent(page);
    await signIn(page, SANDBOX_BANK_LOGIN.usernameUnavailable);
    await page.findByRole('alert');
    // The happy path up to the submitted login, which the bank refuses.
    const expected = [
      ...SANDBOX_HAPPY_PATH.slice(0, SANDBOX_HAPPY_PATH.indexOf('SUBMIT_CREDENTIAL') + 1),
      'RETRY_LATER',
    ];
    await waitFor(() => expect(loggedNames(canvasElement)).toEqual([...expected, 'flinks_error']));
    await expect(eventNames(args.onEvent)).toEqual(expected);
    await expect(args.onEvent).toHaveBeenCalledWith(
      expect.objectContaining({
        type: 'step',
        step: 'INSTITUTION_SELECTED',
        data: expect.objectContaining({ institution: 'FlinksCapital' }),
      }),
    );
    await expect(args.onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'flinks_error', flinksCode: 'RETRY_LATER' }),
    );
    await expect(args.onRedirect).not.toHaveBeenCalled();
  },
};

/**
 * Two `<FlinksConnect>` on one page: each has its own token, its own iframe and its own events
 * (a message is accepted only from the component's own iframe).
 */
export const TwoInstances: Story = {
  name: 'Two instances side by side',
  render: (args) => (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(340px, 1fr))', gap: 24 }}>
      <ConnectStage {...args} label="Personal" title="Connect your personal bank account" />
      <ConnectStage {...args} label="Business" title="Connect your business bank account" />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const personal = await findConnectFrame(canvasElement, 'Connect your personal bank account');
    const business = await findConnectFrame(canvasElement, 'Connect your business bank account');
    await expect(frameToken(personal)).not.toBe(frameToken(business));
    const personalPage = await connectPage(personal);
    await connectPage(business);
    await waitFor(() => {
      expect(loggedNames(canvasElement, /^Personal: event log/)).toEqual([
        'APP_MOUNTED',
        'COMPONENT_LOAD_CONSENT',
      ]);
      expect(loggedNames(canvasElement, /^Business: event log/)).toEqual([
        'APP_MOUNTED',
        'COMPONENT_LOAD_CONSENT',
      ]);
    });
    await acceptConsent(personalPage);
    await chooseInstitution(personalPage);
    await waitFor(() =>
      expect(loggedNames(canvasElement, /^Personal: event log/)).toEqual([
        'APP_MOUNTED',
        'COMPONENT_LOAD_CONSENT',
        'COMPONENT_ACCEPT_CONSENT',
        'COMPONENT_LOAD_INSTITUTION_SELECTOR',
        'INSTITUTION_SELECTED',
        'COMPONENT_LOAD_CREDENTIAL',
      ]),
    );
    // The business instance heard none of it.
    await expect(loggedNames(canvasElement, /^Business: event log/)).toEqual([
      'APP_MOUNTED',
      'COMPONENT_LOAD_CONSENT',
    ]);
    await expect(tokenRequests(canvasElement, /^Personal: token endpoint requests/)).toEqual([
      'mount:minted',
    ]);
    await expect(tokenRequests(canvasElement, /^Business: token endpoint requests/)).toEqual([
      'mount:minted',
    ]);
  },
};

/** `language: 'fr'` while the token endpoint is slow: the default loading line in French. */
export const FrenchLoading: Story = {
  name: 'French: loading',
  args: { language: 'fr', latencyMs: 2500 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent(FR.loading);
    await findConnectFrame(canvasElement, FR.title);
    await expect(canvas.queryByRole('status')).toBeNull();
  },
};

/** `language: 'fr'` and every try fails: the default error fallback in French, and "Réessayer". */
export const FrenchTokenFailsForGood: Story = {
  name: 'French: token fails for good, then Réessayer',
  args: { language: 'fr', failures: 3 },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert', {}, { timeout: LOAD_TIMEOUT })).toHaveTextContent(FR.error);
    await userEvent.click(canvas.getByRole('button', { name: FR.retry }));
    await findConnectFrame(canvasElement, FR.title);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const popupPlay =
  (labels: typeof EN, title: string): NonNullable<Story['play']> =>
  async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const frame = await findConnectFrame(canvasElement, title);
    await waitFor(() => expect(args.onEvent).toHaveBeenCalledWith(mountedEvent), { timeout: LOAD_TIMEOUT });
    postFromFrame(frame, { step: 'POPUP_BLOCKED', institution: 'FlinksCapital' });
    await expect(await canvas.findByRole('alert')).toHaveTextContent(labels.popupBlocked);
    await expect(args.onPopupBlocked).toHaveBeenCalledWith(
      expect.objectContaining({ step: 'POPUP_BLOCKED' }),
    );
    // The frame stays: the user's session carries on under the notice.
    await expect(await findConnectFrame(canvasElement, title)).toBe(frame);
    await userEvent.click(canvas.getByRole('button', { name: labels.dismiss }));
    await expect(canvas.queryByRole('alert')).toBeNull();
  };

/**
 * Connect reported `POPUP_BLOCKED` (an OAuth bank's sign-in window did not open): the default
 * notice above the frame asks to allow pop-ups; Dismiss hides it. `onPopupBlocked` is called.
 */
export const PopupBlocked: Story = {
  name: 'Pop-up blocked',
  args: { onPopupBlocked: fn() },
  play: popupPlay(EN, EN.title),
};

/** The blocked pop-up notice in French. */
export const FrenchPopupBlocked: Story = {
  name: 'French: pop-up blocked',
  args: { language: 'fr', onPopupBlocked: fn() },
  play: popupPlay(FR, FR.title),
};

/** `labels` replaces single words (here the loading line and the iframe's name), the rest stays. */
export const CustomLabels: Story = {
  name: 'Custom labels',
  args: { language: 'fr', latencyMs: 1500, labels: { loading: 'Un instant…', title: 'Lier mon compte' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('status')).toHaveTextContent('Un instant…');
    await findConnectFrame(canvasElement, 'Lier mon compte');
  },
};
