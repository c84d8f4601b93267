import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import type { NextApp } from '../scripts/run.mjs';
import { eventually } from './support';

// What app/dev-checks says in each build (the same checks as packages/react/test/bundlers.e2e.test.ts).
const ERRORS_PAGE = 'https://github.com/flinks-embed/flinks-embed/blob/main/docs/errors.md';
export const DEV_CHECKS = {
  development: {
    fetchTimeoutMs: 'fetchTimeoutMs must be a positive number of milliseconds (got -1).',
    target:
      '<FlinksConnect> needs exactly one of instance (such as "toolbox") and connectUrl; it got neither.',
  },
  production: {
    // Production trusts the types for this one, as documented.
    fetchTimeoutMs: 'accepted',
    target: `invalid_options: see ${ERRORS_PAGE}#invalid_options`,
  },
};
// Development prose, as the core and react sources write it: none of it may reach production.
export const DEV_TEXT = [
  'a positive number of milliseconds',
  ' must be a string, number or boolean.',
  'needs exactly one of instance',
  'did not report APP_MOUNTED',
];

/** What app/dev-checks shows once both of its checks have run, in a page of its own. */
export async function devChecksOf(browser: Browser, app: NextApp): Promise<Record<string, string | null>> {
  const context = await browser.newContext();
  const errors: string[] = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL('/dev-checks', app.url).href);
    const read = async () => ({
      fetchTimeoutMs: await page.getByTestId('check-fetchTimeoutMs').textContent(),
      target: await page.getByTestId('check-target').textContent(),
    });
    // Both boundaries have caught (or not) once the second outcome is no longer `accepted`.
    await expect.poll(async () => (await read()).target, eventually).not.toBe('accepted');
    expect(errors).toEqual([]);
    return await read();
  } finally {
    await context.close();
  }
}
