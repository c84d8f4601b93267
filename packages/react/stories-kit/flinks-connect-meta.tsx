import type { Meta } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ConnectStage, type ConnectStageArgs } from './ConnectStage';

/*
 * What every FlinksConnect stories file shares: the docs description, the stage, the controls and
 * their defaults. The stories are split by theme into several files under one title; each file
 * spreads this and writes its own `title` and `component`, which Storybook reads without running
 * the file.
 */

const connectParameter = { category: 'Connect parameters (story controls)' };
const endpoint = { category: 'Token endpoint (story controls)' };
const brandColours = ['#ffffff', '#f5f1e8', '#0f172a', '#2563eb', '#6d28d9', '#b91c1c', '#047857'];

export const flinksConnectMeta = {
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
} satisfies Partial<Meta<ConnectStageArgs>>;
