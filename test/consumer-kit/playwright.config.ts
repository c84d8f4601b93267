import { defineConfig } from '@playwright/test';

const port = Number(process.env.PORT ?? 4173);

export default defineConfig({
  testDir: 'e2e',
  // The app on the Flinks simulator (see server.mjs): no Flinks account, no network.
  webServer: { command: 'node server.mjs', url: `http://127.0.0.1:${port}`, reuseExistingServer: false },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // A system Chromium when CHROMIUM_PATH says so; else the browser `npx playwright install` got.
    ...(process.env.CHROMIUM_PATH && { launchOptions: { executablePath: process.env.CHROMIUM_PATH } }),
  },
});
