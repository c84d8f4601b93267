// The budgets on counts behind `pnpm bench`, in real Chromium with React's production and
// development builds under StrictMode: fetches per mount, tokens and iframe loads over re-renders
// and remounts, and what is left after mount/unmount cycles. Counts only, never times.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, openBenchPage } from '../src/browser.mjs';
import { bundlePage } from '../src/bundle.mjs';
import { startBenchServer } from '../src/server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: { executablePath: string; args: string[] };
  }
}

type Server = Awaited<ReturnType<typeof startBenchServer>>;
type Kind = 'flinks' | 'naive-mount' | 'naive-deps';

let browser: Browser;
let server: Server;

beforeAll(async () => {
  const [production, development] = await Promise.all([bundlePage('production'), bundlePage('development')]);
  server = await startBenchServer({ production, development });
  browser = await launchChromium(inject('chromium'));
});

afterAll(async () => {
  await Promise.all([browser?.close(), server?.close()]);
});

async function withPage<T>(build: 'production' | 'development', run: (page: Page) => Promise<T>): Promise<T> {
  const { page, context, errors } = await openBenchPage(browser, `${server.origin}/?build=${build}`);
  try {
    return await run(page);
  } finally {
    await context.close();
    expect(errors).toEqual([]);
  }
}

const economy = (page: Page, kind: Kind, rerenders: number, remounts: number) =>
  page.evaluate(([k, u, r, m]) => window.bench.economy(k, u, r, m), [
    kind,
    server.blankUrl,
    rerenders,
    remounts,
  ] as const);

describe.each(['production', 'development'] as const)('React 19 %s build, StrictMode', (build) => {
  it('<FlinksConnect>: one fetch per mount, nothing over 300 re-renders, one fresh token per remount', async () => {
    const { mount, rerendered, remounted } = await withPage(build, (page) =>
      economy(page, 'flinks', 300, 20),
    );
    expect(mount).toMatchObject({ fetches: 1, minted: 1, tokens: 1, loads: 1, insertions: 1 });
    expect(rerendered).toMatchObject({ fetches: 0, tokens: 0, loads: 0, insertions: 0, srcChanges: 0 });
    expect(remounted).toMatchObject({ fetches: 20, minted: 20, tokens: 20, loads: 20, maxLoadsPerToken: 1 });
  });

  it('the same counters see the lint-clean naive embed refetch on every re-render', async () => {
    const { mount, rerendered } = await withPage(build, (page) => economy(page, 'naive-deps', 300, 0));
    expect(mount.fetches).toBe(build === 'development' ? 2 : 1);
    expect(rerendered.fetches).toBe(300);
    expect(rerendered.srcChanges).toBeGreaterThan(0);
  });

  it('<FlinksConnect>: no listener, timer, pending fetch or DOM node left after 200 mount/unmount cycles', async () => {
    const [before, after] = await withPage(build, async (page) => {
      const before = await page.evaluate(() => window.bench.leakCounts());
      await page.evaluate(([u]) => window.bench.cycles('flinks', u, 200), [server.blankUrl] as const);
      return [before, await page.evaluate(() => window.bench.leakCounts())];
    });
    expect(after).toEqual(before);
  });
});
