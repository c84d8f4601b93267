// The page `pnpm bench` drives in Chromium. Each subject is mounted under StrictMode in one root and
// re-rendered by its parent with inline props, as an app would; the page counts what reaches the
// DOM and the network. Built twice by esbuild: React's production (profiling) and development builds.
import {
  listenerCounts,
  pendingTimerCount,
  sleep,
  harnessClearTimeout,
  harnessSetTimeout,
} from './instrument';
import { FlinksConnect } from '@flinks-embed/react';
import {
  Profiler,
  StrictMode,
  useLayoutEffect,
  useState,
  version,
  type ProfilerOnRenderCallback,
} from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { PlaidEmbeddedLink } from 'react-plaid-link';
import { NaiveEmbed, NaiveEmbedWithDeps } from '../naive-embed';

export type SubjectKind = 'flinks' | 'naive-mount' | 'naive-deps' | 'plaid';

/** The counters one phase of a scenario reports. */
export interface Counts {
  fetches: number;
  /** Fetcher calls answered with a token (not aborted first). */
  minted: number;
  /** Distinct tokens that reached an iframe `src`. */
  tokens: number;
  /** Iframe documents loaded with a token (insertions plus `src` changes). */
  loads: number;
  /** The most loads any one token got. */
  maxLoadsPerToken: number;
  insertions: number;
  srcChanges: number;
  creates: number;
  destroys: number;
}

export interface LeakCounts {
  listeners: Record<string, number>;
  timers: number;
  fetches: number;
  domNodes: number;
}

const PARAMS = { demo: true, language: 'en', consentEnable: true } as const;

// ---- the fetcher: a stand-in token endpoint answering after 1 ms, honouring abort ----

let minted = 0;
const fetchCounts = { calls: 0, minted: 0, pending: 0 };

function fakeToken(signal?: AbortSignal): Promise<{ token: string; expiresIn: number }> {
  fetchCounts.calls++;
  fetchCounts.pending++;
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      harnessClearTimeout(timer);
      fetchCounts.pending--;
      reject(signal!.reason);
    };
    const timer = harnessSetTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      fetchCounts.pending--;
      fetchCounts.minted++;
      resolve({ token: `tok-${++minted}`, expiresIn: 1800 });
    }, 1);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The real endpoint, for time to iframe. */
const fetchFromServer = (signal?: AbortSignal): Promise<{ token: string }> =>
  fetch('/api/flinks/authorize-token', { method: 'POST', ...(signal && { signal }) }).then((response) => {
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    return response.json() as Promise<{ token: string }>;
  });

// ---- what reaches the DOM ----

const frameTokens = new Map<string, number>();
const domCounts = { insertions: 0, srcChanges: 0 };
const plaidCounts = { creates: 0, destroys: 0 };
let onFrameSrc: ((now: number) => void) | undefined;

function recordLoad(frame: HTMLIFrameElement): void {
  const src = frame.getAttribute('src');
  if (!src) return;
  onFrameSrc?.(performance.now());
  const token = new URL(src, location.href).searchParams.get('authorizeToken');
  if (token) frameTokens.set(token, (frameTokens.get(token) ?? 0) + 1);
}

new MutationObserver((records) => {
  // One batch may hold both a container's insertion and, inside it by now, an iframe's: count each once.
  const inserted = new Set<HTMLIFrameElement>();
  for (const record of records) {
    if (record.type === 'attributes' && record.target instanceof HTMLIFrameElement) {
      if (record.target.isConnected && record.oldValue !== record.target.getAttribute('src')) {
        domCounts.srcChanges++;
        recordLoad(record.target);
      }
      continue;
    }
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      const frames = node instanceof HTMLIFrameElement ? [node] : [...node.querySelectorAll('iframe')];
      for (const frame of frames) inserted.add(frame);
    }
  }
  for (const frame of inserted) {
    domCounts.insertions++;
    recordLoad(frame);
  }
}).observe(document, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['src'],
  attributeOldValue: true,
});

function resetCounts(): void {
  fetchCounts.calls = fetchCounts.minted = 0;
  frameTokens.clear();
  domCounts.insertions = domCounts.srcChanges = 0;
  plaidCounts.creates = plaidCounts.destroys = 0;
}

async function readCounts(): Promise<Counts> {
  await sleep(0); // mutation records are delivered by now
  const loads = [...frameTokens.values()];
  return {
    fetches: fetchCounts.calls,
    minted: fetchCounts.minted,
    tokens: frameTokens.size,
    loads: loads.reduce((a, b) => a + b, 0),
    maxLoadsPerToken: Math.max(0, ...loads),
    insertions: domCounts.insertions,
    srcChanges: domCounts.srcChanges,
    creates: plaidCounts.creates,
    destroys: plaidCounts.destroys,
  };
}

// ---- Plaid's script, counted (the real one is never fetched: the page serves this stand-in) ----

declare global {
  interface Window {
    bench: typeof bench;
  }
}

export function installPlaidStandIn(blankUrl: string): void {
  (window as unknown as { Plaid: unknown }).Plaid = {
    createEmbedded(_config: unknown, target: HTMLElement) {
      plaidCounts.creates++;
      const frame = document.createElement('iframe');
      frame.src = blankUrl;
      target.appendChild(frame);
      return {
        destroy() {
          plaidCounts.destroys++;
          frame.remove();
        },
      };
    },
    create() {
      return { open() {}, exit() {}, destroy() {} };
    },
  };
}

// ---- the app: a parent that re-renders its subject with inline props ----

interface AppState {
  kind: SubjectKind;
  connectUrl: string;
  source: 'fake' | 'server';
  mounted: boolean;
  key: number;
  n: number;
}

/** The mounted app's state setter, for the scenarios. */
const controls: { setState?: (update: (state: AppState) => AppState) => void } = {};
let profiling = false;
let durations: number[] = [];
const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration) => {
  if (profiling && phase !== 'mount') durations.push(actualDuration);
};

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

function Subject({ kind, connectUrl, source, n }: Omit<AppState, 'mounted' | 'key'>) {
  const naiveFetch = () => (source === 'fake' ? fakeToken() : fetchFromServer()).then(({ token }) => token);
  switch (kind) {
    case 'flinks':
      return (
        <FlinksConnect
          connectUrl={connectUrl}
          fetchAuthorizeToken={({ signal }) =>
            source === 'fake' ? fakeToken(signal) : fetchFromServer(signal)
          }
          params={{ ...PARAMS }}
          onEvent={() => void n}
          onError={() => void n}
          onRedirect={() => void n}
        />
      );
    case 'naive-mount':
      return (
        <NaiveEmbed
          connectUrl={connectUrl}
          fetchToken={naiveFetch}
          params={{ ...PARAMS }}
          onEvent={() => void n}
        />
      );
    case 'naive-deps':
      return (
        <NaiveEmbedWithDeps
          connectUrl={connectUrl}
          fetchToken={naiveFetch}
          params={{ ...PARAMS }}
          onEvent={() => void n}
        />
      );
    case 'plaid':
      return (
        <PlaidEmbeddedLink
          token="link-sandbox-bench"
          onSuccess={() => void n}
          onExit={() => void n}
          onEvent={() => void n}
          style={{ height: 760 }}
        />
      );
  }
}

function App({ initial }: { initial: AppState }) {
  const [state, setState] = useState(initial);
  useLayoutEffect(() => {
    controls.setState = setState;
  }, []);
  if (!state.mounted) return null;
  return (
    <Profiler id="subject" onRender={onRender}>
      <Subject
        key={state.key}
        kind={state.kind}
        connectUrl={state.connectUrl}
        source={state.source}
        n={state.n}
      />
    </Profiler>
  );
}

let root: Root | undefined;
const container = document.getElementById('root')!;

function mountApp(initial: Omit<AppState, 'mounted' | 'key' | 'n'>): void {
  root?.unmount();
  root = createRoot(container);
  const app = root;
  flushSync(() =>
    app.render(
      <StrictMode>
        <App initial={{ ...initial, mounted: true, key: 0, n: 0 }} />
      </StrictMode>,
    ),
  );
}

function unmountApp(): void {
  root?.unmount();
  root = undefined;
}

const update = (change: (state: AppState) => AppState) => flushSync(() => controls.setState!(change));
const rerender = () => update((state) => ({ ...state, n: state.n + 1 }));

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs)
      throw new Error('bench page: timed out waiting for the iframe');
    await sleep(2);
  }
}

const frameIn = () => container.querySelector('iframe');
const frameWithSrc = () => Boolean(frameIn()?.getAttribute('src'));

// ---- scenarios ----

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
    durations = [];
    profiling = true;
    for (let i = 0; i < count; i++) rerender();
    profiling = false;
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
    onFrameSrc = (now) => {
      if (!srcAt) srcAt = now;
    };
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
      onFrameSrc = undefined;
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
