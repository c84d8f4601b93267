import type { Meta, StoryObj } from '@storybook/react-vite';
import type { ComponentType } from 'react';
import { connectLabels } from '@flinks-embed/core';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import type { ConnectStageArgs } from '../stories-kit/ConnectStage';
import { flinksConnectMeta } from '../stories-kit/flinks-connect-meta';
import { connectPage, findConnectFrame, LOAD_TIMEOUT, mountedEvent } from '../stories-kit/play';
import { FlinksConnect } from './flinks-connect';

/* FlinksConnect's look and words: theme, brand colours, French, custom labels. */
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
