import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DemoPage, eventually, demoFixture } from './support';

const env = demoFixture((demo) => demo.simulator!.setFaults({ tokenLatencyMs: 0, failNextTokenRequests: 0 }));

/** The demo at its bank step, before "Link your bank account" is pressed. */
async function open(): Promise<DemoPage> {
  const page = await DemoPage.open(env.browser, env.demo.url, { linkBank: false });
  env.pages.push(page);
  await page.linkBank.waitFor(eventually);
  return page;
}

/** The page's token requests: how many were sent, which failed, and the tokens that came back. */
function watchTokenRequests(page: Page) {
  const seen = { sent: 0, failed: [] as string[], tokens: [] as string[] };
  const isTokenRequest = (url: string) => url.endsWith('/api/flinks/authorize-token');
  page.on('request', (request) => {
    if (isTokenRequest(request.url())) seen.sent += 1;
  });
  page.on('requestfailed', (request) => {
    if (isTokenRequest(request.url())) seen.failed.push(request.failure()?.errorText ?? '');
  });
  page.on('response', async (response) => {
    if (!isTokenRequest(response.url()) || !response.ok()) return;
    seen.tokens.push(((await response.json()) as { token: string }).token);
  });
  return seen;
}

function tokenRequestDetails(page: DemoPage): Promise<string[]> {
  return page.page.locator('[data-name="Token requested"] .log-detail').allTextContents();
}

const simulator = () => env.demo.simulator!;

describe('the first token, prefetched on intent', () => {
  it('is requested on hover before Connect shows, loaded by Connect’s first load only; a remount and a control change fetch fresh ones', async () => {
    const page = await open();
    const requests = watchTokenRequests(page.page);
    // The page alone asks for no token: only intent does.
    expect(await page.loggedNames()).not.toContain('Token requested');
    expect(await page.tokenStatus.getAttribute('data-phase')).toBe('idle');

    await page.linkBank.hover();
    await expect.poll(() => page.tokenStatus.getAttribute('data-phase'), eventually).toBe('prefetched');
    // The answer's body is read after the page saw it.
    await expect.poll(() => requests.tokens.length, eventually).toBe(1);
    const [prefetched] = requests.tokens;
    expect(await page.iframe.count()).toBe(0);
    expect(await page.firstToken.getAttribute('data-prefetch')).toBe('waiting');
    expect(await page.loggedNames()).toContain('Token prefetched');
    expect(simulator().loadsOf(prefetched!)).toBe(0);

    // Connect's first load uses it: no second request, and the iframe's src has that token.
    await page.linkBank.click();
    expect(await page.waitForReady()).toBe(prefetched);
    expect(requests.sent).toBe(1);
    expect(simulator().loadsOf(prefetched!)).toBe(1);
    expect(await page.firstToken.getAttribute('data-prefetch')).toBe('used');
    expect(await page.firstToken.textContent()).toBe('Prefetched, loaded once');
    expect(await page.tokensUsed()).toBe(1);

    // A remount and a params change each fetch a fresh token; the prefetched one is never reloaded.
    await page.page.getByRole('button', { name: 'Remount Connect' }).click();
    const remounted = await page.waitForNewToken([prefetched!]);
    expect(await page.firstToken.getAttribute('data-prefetch')).toBe('none');
    await page.page.getByRole('radio', { name: 'Français' }).check();
    const french = await page.waitForNewToken([prefetched!, remounted]);

    await expect.poll(() => requests.tokens, eventually).toEqual([prefetched, remounted, french]);
    for (const token of requests.tokens) expect(simulator().loadsOf(token)).toBe(1);
    expect(await page.tokensUsed()).toBe(3);
    expect(await tokenRequestDetails(page)).toEqual([
      'prefetch: hover on “Link your bank account”',
      'reason: mount',
      'reason: mount',
    ]);
  });

  it('is requested on keyboard focus too, before Enter opens Connect', async () => {
    const page = await open();
    const requests = watchTokenRequests(page.page);
    await page.linkBank.focus();
    await expect.poll(() => requests.tokens.length, eventually).toBe(1);
    await page.page.keyboard.press('Enter');
    expect(await page.waitForReady()).toBe(requests.tokens[0]);
    expect(requests.sent).toBe(1);
    expect(await tokenRequestDetails(page)).toEqual(['prefetch: focus on “Link your bank account”']);
  });

  it('falls back to the fetcher when the prefetch fails, with no error on the page', async () => {
    simulator().setFaults({ failNextTokenRequests: 1 });
    const page = await open();
    await page.linkBank.hover();
    await expect.poll(() => page.firstToken.getAttribute('data-prefetch'), eventually).toBe('dropped');
    expect(await page.tokenStatus.getAttribute('data-phase')).toBe('idle');

    await page.linkBank.click();
    const token = await page.waitForReady();
    expect(simulator().loadsOf(token)).toBe(1);
    expect(await page.firstToken.textContent()).toBe('Prefetch dropped, fetched at mount');
    expect(await page.tokensUsed()).toBe(1);
    expect(await page.page.getByTestId('connect-error').count()).toBe(0);
    expect(await tokenRequestDetails(page)).toEqual([
      'prefetch: hover on “Link your bank account”',
      'reason: mount',
    ]);
  });

  it('is aborted when the bank step unmounts before Connect, and the new mount fetches its own', async () => {
    const before = simulator().stats();
    simulator().setFaults({ tokenLatencyMs: 3_000 });
    const page = await open();
    const requests = watchTokenRequests(page.page);

    await page.linkBank.hover();
    await expect.poll(() => page.tokenStatus.getAttribute('data-phase'), eventually).toBe('requesting');
    expect(requests.sent).toBe(1);

    // The step that owns the prefetch goes away before Connect was shown (the demo's remount
    // control here; in an app, the user navigating elsewhere): its AbortController aborts it.
    simulator().setFaults({ tokenLatencyMs: 0 });
    await page.page.getByRole('button', { name: 'Remount Connect' }).click();
    await expect.poll(() => requests.failed, eventually).toEqual(['net::ERR_ABORTED']);
    await expect
      .poll(() => page.page.locator('[data-name="Token request cancelled"] .log-detail').allTextContents())
      .toEqual(['prefetch aborted: the user left before Connect']);

    // The new mount asks the fetcher as without a prefetch, and loads that token once.
    const token = await page.waitForReady();
    expect(requests.sent).toBe(2);
    await expect.poll(() => requests.tokens, eventually).toEqual([token]);
    expect(simulator().loadsOf(token)).toBe(1);
    expect(await page.firstToken.textContent()).toBe('Fetched at mount');
    expect(await page.tokensUsed()).toBe(1);
    expect(await tokenRequestDetails(page)).toEqual([
      'prefetch: hover on “Link your bank account”',
      'reason: mount',
    ]);
    // The server still minted the aborted one; nothing ever loaded it.
    const after = simulator().stats();
    await expect.poll(() => simulator().stats().tokensIssued - before.tokensIssued, eventually).toBe(2);
    expect(Object.values(after.loadsPerToken).reduce((sum, loads) => sum + loads, 0)).toBe(
      Object.values(before.loadsPerToken).reduce((sum, loads) => sum + loads, 0) + 1,
    );
  });
});
