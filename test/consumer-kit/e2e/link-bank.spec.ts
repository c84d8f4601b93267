import { expect, test } from '@playwright/test';
import { sandboxBank } from '@flinks-embed/simulator/playwright';

test('links a bank account through Connect', async ({ page }) => {
  await page.goto('/');

  // Consent, Flinks Capital, Greatday / Everyday, the security question, the first account.
  await sandboxBank(page).linkAccount();

  await expect(page.getByText(/^Bank linked: [0-9a-f-]{36}$/)).toBeVisible();
});
