import type { Preview } from '@storybook/react-vite';

const preview: Preview = {
  // A docs page for every component: its description and the prop tables generated from its types.
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    // Violations fail the Vitest run, like a failing play assertion.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    options: {
      storySort: {
        order: [
          'Docs',
          ['Getting started', 'Server side', 'Security', 'Events reference'],
          'Components',
          ['FlinksConnect', 'useAuthorizeToken'],
        ],
      },
    },
  },
};

export default preview;
