import { expect, fireEvent, waitFor, within } from 'storybook/test';
import type { ConnectEvent } from '@flinks-embed/react';
// The same screens, labels and logins the Playwright driver (@flinks-embed/simulator/playwright) uses:
// play functions run in the browser, without Playwright's page API, so they share the table instead.
import { SANDBOX_BANK_LABELS, SANDBOX_BANK_LOGIN } from '@flinks-embed/simulator/sandbox';

const labels = SANDBOX_BANK_LABELS.en;

/** The default accessible name of the Connect iframe. */
export const CONNECT_TITLE = 'Connect your bank account';

/** Long enough for a token (story latency) and the Connect page to load on a slow CI machine. */
export const LOAD_TIMEOUT = 10_000;

/** The Connect iframe in `scope`. Each load is a new element: look it up again after a reload. */
export async function findConnectFrame(
  scope: HTMLElement,
  title = CONNECT_TITLE,
): Promise<HTMLIFrameElement> {
  const frame = await within(scope).findByTitle(title, {}, { timeout: LOAD_TIMEOUT });
  if (!(frame instanceof HTMLIFrameElement)) throw new Error(`"${title}" is not an iframe`);
  return frame;
}

/** The authorize token this iframe load was given. */
export function frameToken(frame: HTMLIFrameElement): string {
  const token = new URL(frame.src).searchParams.get('authorizeToken');
  if (!token) throw new Error(`The Connect iframe has no authorizeToken: ${frame.src}`);
  return token;
}

/**
 * Queries inside the Connect page once it shows a screen. The page is the simulator's, served by
 * Storybook itself, so it is same-origin and a play function can drive it like a user would.
 */
export async function connectPage(frame: HTMLIFrameElement) {
  let body: HTMLElement | undefined;
  await waitFor(
    () => {
      const heading = frame.contentDocument?.querySelector('main h1');
      expect(heading, 'the Connect page shows a screen').toBeTruthy();
      body = frame.contentDocument!.body;
    },
    { timeout: LOAD_TIMEOUT },
  );
  return within(body!);
}

type ConnectPage = Awaited<ReturnType<typeof connectPage>>;

/*
 * Inside the Connect page, events are fired directly rather than with userEvent: userEvent adds
 * focus listeners to the iframe's document, and when <FlinksConnect> later replaces or unmounts that
 * iframe they fire on a detached document and throw inside React's commit, breaking every story after.
 */

/** Clicks a control on the Connect page. */
export const press = (element: HTMLElement): Promise<boolean> => fireEvent.click(element);

/** Fills a field on the Connect page. */
export const fill = (input: HTMLElement, value: string): Promise<boolean> =>
  fireEvent.input(input, { target: { value } });

/** The consent screen's "Continue" (shown with `consentEnable`). */
export async function acceptConsent(page: ConnectPage): Promise<void> {
  await page.findByRole('heading', { name: labels.consentTitle });
  await press(page.getByRole('button', { name: labels.consentAccept }));
}

/** The institution list: the sandbox bank. */
export async function chooseInstitution(page: ConnectPage): Promise<void> {
  await press(await page.findByRole('button', { name: labels.institution }));
}

/** Picks the sandbox bank and submits a sandbox login: `Greatday` gets a security question. */
export async function signIn(
  page: ConnectPage,
  username: string = SANDBOX_BANK_LOGIN.username,
  password: string = SANDBOX_BANK_LOGIN.password,
): Promise<void> {
  await chooseInstitution(page);
  await fill(await page.findByLabelText(labels.username), username);
  await fill(page.getByLabelText(labels.password), password);
  await press(page.getByRole('button', { name: labels.continue }));
}

/** Answers the sandbox security question, then picks the first account. */
export async function finishSignIn(page: ConnectPage): Promise<void> {
  await fill(await page.findByLabelText(labels.securityQuestion), SANDBOX_BANK_LOGIN.securityAnswer);
  await press(page.getByRole('button', { name: labels.continue }));
  await press((await page.findAllByRole('radio'))[0]!);
  await press(page.getByRole('button', { name: labels.continue }));
  await page.findByRole('heading', { name: labels.successTitle });
}

/** The steps and codes in a story's visible event log, in order. */
export function loggedNames(scope: HTMLElement, log: string | RegExp = /event log/i): string[] {
  const region = within(scope).getByRole('log', { name: log });
  return Array.from(region.querySelectorAll('li'), (item) => item.dataset.name ?? '');
}

/** The requests a story's token endpoint received, as `reason:outcome`. */
export function tokenRequests(
  scope: HTMLElement,
  list: string | RegExp = /token endpoint requests/i,
): string[] {
  const items = within(scope).getByRole('list', { name: list }).querySelectorAll('li');
  return Array.from(items, (item) => `${item.dataset.reason}:${item.dataset.outcome}`);
}

/** Resolves after `ms`: for "nothing happens in that time" checks. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The step or code of every event an `onEvent: fn()` spy received, in order. */
export function eventNames(onEvent: unknown): string[] {
  const calls = (onEvent as { mock?: { calls: [ConnectEvent][] } }).mock?.calls;
  if (!calls) throw new Error('onEvent is not a spy: give the story `onEvent: fn()`');
  return calls.map(([event]) => (event.type === 'step' ? event.step : event.flinksCode));
}

/** What `onEvent` receives once Connect has loaded. */
export const mountedEvent = expect.objectContaining({ type: 'step', step: 'APP_MOUNTED' });
