import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

const dirname = path.dirname(fileURLToPath(import.meta.url));

// Workspace packages resolve to their TypeScript sources in tests and the dev server (the
// `@flinks-embed/source` export condition); published consumers get the built `dist` files.
const sourceCondition = '@flinks-embed/source';

// Debian's Chromium by default; CHROMIUM_PATH points elsewhere (a local Chrome, a Playwright browser).
export const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--headless',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}

export default defineConfig({
  plugins: [react()],
  // The packages' sources guard their development-only messages and checks with __DEV__.
  define: { __DEV__: 'true' },
  resolve: { conditions: [sourceCondition, ...defaultClientConditions] },
  ssr: { resolve: { conditions: [sourceCondition, ...defaultServerConditions] } },
  test: {
    provide: { chromium },
    coverage: {
      provider: 'v8',
      include: ['packages/core/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.bench.ts'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 95 },
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          setupFiles: ['./vitest.setup.ts'],
          include: ['packages/*/src/**/*.test.{ts,tsx}'],
          exclude: ['**/*.node.test.*', '**/*.e2e.test.*'],
        },
      },
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['packages/*/{src,test}/**/*.node.test.{ts,tsx}', 'apps/*/**/*.node.test.{ts,tsx}'],
          exclude: ['**/node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: [
            'packages/*/{src,test}/**/*.e2e.test.ts',
            'apps/*/**/*.e2e.test.ts',
            'bench/test/*.e2e.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One Chromium at a time: CI machines have two cores.
          fileParallelism: false,
        },
      },
      {
        // Every story renders in Chromium, its play function asserts its behaviour, and
        // @storybook/addon-a11y fails the run on an accessibility violation.
        extends: true,
        plugins: [storybookTest({ configDir: path.join(dirname, '.storybook') })],
        test: {
          name: 'storybook',
          // The expiry stories wait for real token lifetimes of a few seconds.
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            provider: playwright({ launchOptions: chromium }),
          },
        },
      },
    ],
  },
});
