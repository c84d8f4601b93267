import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { connectLabels } from '@flinks-embed/core';
import { SANDBOX_BANK_LOGIN, SANDBOX_HAPPY_PATH } from '@flinks-embed/simulator/sandbox';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConnectStage, type ConnectStageArgs } from '../stories-kit/ConnectStage';
import { flinksConnectMeta } from '../stories-kit/flinks-connect-meta';
import {
  acceptConsent,
  chooseInstitution,
  connectPage,
  findConnectFrame,
  frameToken,
  LOAD_TIMEOUT,
  eventNames,
  loggedNames,
  mountedEvent,
  signIn,
  tokenRequests,
} from '../stories-kit/play';
import type { ErrorFallbackProps } from './flinks-connect-props';
import { FlinksConnect } from './flinks-connect';

/*
 * FlinksConnect in the app around it: the app's own fallbacks, every event in its log, two
 * instances side by side, and the notice when Connect's pop-up is blocked.
 */
const meta = {
  ...flinksConnectMeta,
  title: 'Components/FlinksConnect',
  // The prop tables document the real component; the stories render it inside a stage that adds
  // an in-browser token endpoint and the logs, so their args are the stage's.
  component: FlinksConnect as unknown as ComponentType<ConnectStageArgs>,
} satisfies Meta<ConnectStageArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

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
