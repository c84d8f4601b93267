import type { StorybookConfig } from '@storybook/react-vite';
import { defaultClientConditions, mergeConfig } from 'vite';
import { flinksConnectPage } from './connect-page-plugin.ts';

// Stories and docs use the workspace packages' TypeScript sources, as the tests and the demo do.
const sourceCondition = '@flinks-embed/source';

const config: StorybookConfig = {
  framework: '@storybook/react-vite',
  stories: ['../packages/react/src/**/*.stories.tsx', '../packages/react/stories-docs/*.mdx'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  typescript: {
    // The TypeScript docgen follows the props into @flinks-embed/core (token options, params).
    reactDocgen: 'react-docgen-typescript',
    reactDocgenTypescriptOptions: {
      tsconfigPath: 'packages/react/tsconfig.json',
      include: ['packages/react/src/**/*.tsx'],
      shouldExtractLiteralValuesFromEnum: true,
      shouldRemoveUndefinedFromOptional: true,
      // The iframe's own attributes come from React's types: they would bury the real props.
      propFilter: (prop) => !prop.parent || !/node_modules/.test(prop.parent.fileName),
    },
  },
  async viteFinal(config) {
    // Set, Vite's conditions replace its defaults: keep them after ours.
    const conditions = config.resolve?.conditions ?? [...defaultClientConditions];
    return mergeConfig(
      {
        ...config,
        resolve: { ...config.resolve, conditions: [...new Set([sourceCondition, ...conditions])] },
      },
      {
        // The sources guard development-only checks and messages with __DEV__: Storybook is a
        // development tool, so even its static build keeps them.
        define: { __DEV__: 'true' },
        plugins: [flinksConnectPage()],
      },
    );
  },
};

export default config;
