// The page `pnpm bench` drives in Chromium: the scenarios, as `window.bench`. Each subject is mounted
// under StrictMode in one root and re-rendered by its parent with inline props, as an app would
// (app.tsx); the page counts what reaches the DOM and the network (counts.ts). Built twice by
// esbuild: React's production (profiling) and development builds.
// First, so that it wraps the globals before any component code runs.
import { listenerCounts, pendingTimerCount, sleep } from './instrument';
import { version } from 'react';
import {
  container,
  frameWithSrc,
  mountApp,
  rerender,
  startProfiling,
  stopProfiling,
  unmountApp,
  until,
  update,
  type SubjectKind,
} from './app';
import { installPlaidStandIn, readCounts, resetCounts, watchFrameSrc } from './counts';
import { fetchCounts, fetchFromServer } from './token-endpoint';

export type { SubjectKind } from './app';
export type { Counts } from './counts';

export interface LeakCounts {
  listeners: Record<string, number>;
  timers: number;
  fetches: number;
  domNodes: number;
}

declare global {
  interface Window {
    bench: typeof bench;
  }
}

// ---- scenarios ----

/**
 * The mean without outliers: on a shared machine, a render the OS preempted takes milliseconds.
 * (Not a median: with 5 us timer steps, the mean is what averages the steps out.)
 */
function robustMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const limit = Math.max(0.05, 5 * (sorted[sorted.length >> 1] ?? 0));
  const kept = sorted.filter((value) => value <= limit);
  return kept.reduce((a, b) => a + b, 0) / kept.length;
}

const bench = {
  react: version,

  /** Fetches for one mount; then counts over `rerenders` parent re-renders and over `remounts` remounts. */
  async economy(kind: SubjectKind, connectUrl: string, rerenders: number, remounts: number) {
    resetCounts();
    mountApp({ kind, connectUrl, source: 'fake' });
    await until(frameWithSrc);
    await sleep(30);
    const mount = await readCounts();

    resetCounts();
    for (let i = 1; i <= rerenders; i++) {
      rerender();
      // An app's re-renders come spread over time: let answers land every 100 renders.
      if (i % 100 === 0) await sleep(5);
    }
    await sleep(30);
    const rerendered = await readCounts();

    resetCounts();
    for (let i = 0; i < remounts; i++) {
      update((state) => ({ ...state, key: state.key + 1 }));
      await until(frameWithSrc);
      await sleep(3);
    }
    await sleep(30);
    const remounted = await readCounts();
    unmountApp();
    return { mount, rerendered, remounted };
  },

  /** React Profiler `actualDuration` per parent re-render, in microseconds: without outliers, and the plain mean. */
  async renderCost(kind: SubjectKind, connectUrl: string, count: number) {
    mountApp({ kind, connectUrl, source: 'fake' });
    await until(frameWithSrc);
    await sleep(10);
    for (let i = 0; i < 100; i++) rerender(); // warm-up
    await sleep(10);
    startProfiling();
    for (let i = 0; i < count; i++) rerender();
    const durations = stopProfiling();
    await sleep(10);
    unmountApp();
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    return { robustUs: robustMean(durations) * 1000, meanUs: mean * 1000, renders: durations.length };
  },

  /** Mount to `src` set and mount to `APP_MOUNTED`, in ms, for one load against the simulator. */
  async timeToIframe(kind: SubjectKind | 'floor', connectUrl: string) {
    const connectOrigin = new URL(connectUrl).origin;
    let srcAt = 0;
    let mountedAt = 0;
    const listener = (event: MessageEvent) => {
      if (event.origin !== connectOrigin) return;
      let data = event.data as unknown;
      if (typeof data === 'string') {
        try {
          data = JSON.parse(data);
        } catch {
          return;
        }
      }
      if ((data as { step?: unknown } | null)?.step === 'APP_MOUNTED' && !mountedAt)
        mountedAt = performance.now();
    };
    window.addEventListener('message', listener);
    watchFrameSrc((now) => {
      if (!srcAt) srcAt = now;
    });
    const start = performance.now();
    let floorFrame: HTMLIFrameElement | undefined;
    if (kind === 'floor') {
      void fetchFromServer().then(({ token }) => {
        const query = new URLSearchParams({
          demo: 'true',
          language: 'en',
          consentEnable: 'true',
          authorizeToken: token,
        });
        floorFrame = document.createElement('iframe');
        floorFrame.src = `${connectUrl}?${query}`;
        container.appendChild(floorFrame);
      });
    } else {
      mountApp({ kind, connectUrl, source: 'server' });
    }
    try {
      await until(() => mountedAt > 0, 20_000);
    } finally {
      window.removeEventListener('message', listener);
      watchFrameSrc(undefined);
      floorFrame?.remove();
      unmountApp();
    }
    return { srcMs: srcAt - start, mountedMs: mountedAt - start };
  },

  /** Mount/unmount cycles; every other one unmounts before the token arrives. */
  async cycles(kind: SubjectKind, connectUrl: string, count: number) {
    resetCounts(); // the counters' own maps would grow with every token
    for (let i = 0; i < count; i++) {
      mountApp({ kind, connectUrl, source: 'fake' });
      if (i % 2 === 0) await until(frameWithSrc);
      else await sleep(0);
      unmountApp();
    }
    await sleep(50); // aborted requests settle
  },

  leakCounts(): LeakCounts {
    return {
      listeners: listenerCounts(),
      timers: pendingTimerCount(),
      fetches: fetchCounts.pending,
      domNodes: document.getElementsByTagName('*').length,
    };
  },
};

window.bench = bench;
installPlaidStandIn(new URL('/blank', location.href).href);
