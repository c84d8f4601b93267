import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { SANDBOX_HAPPY_PATH } from '@flinks-embed/simulator/sandbox';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { ConnectStageArgs } from '../stories-kit/ConnectStage';
import { flinksConnectMeta } from '../stories-kit/flinks-connect-meta';
import {
  acceptConsent,
  connectPage,
  finishSignIn,
  findConnectFrame,
  frameToken,
  LOAD_TIMEOUT,
  loggedNames,
  mountedEvent,
  signIn,
  sleep,
  tokenRequests,
} from '../stories-kit/play';
import { FlinksConnect } from './flinks-connect';

/*
 * FlinksConnect: the flow and the token's states (loading, failing, recovering, expiring). More
 * stories under the same title, split by theme (Storybook lists the files in name order):
 * - flinks-connect.theme-and-language.stories.tsx: theme, colours, French, custom labels;
 * - flinks-connect.within-an-app.stories.tsx: the app's own fallbacks, the event log, two
 *   instances side by side, the pop-up notice.
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
