// The app the bench page mounts: a parent that re-renders its subject with inline props, as an app
// would, each subject under StrictMode in one root, timed by a React Profiler.
import { FlinksConnect } from '@flinks-embed/react';
import { Profiler, StrictMode, useLayoutEffect, useState, type ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { PlaidEmbeddedLink } from 'react-plaid-link';
import { NaiveEmbed, NaiveEmbedWithDeps } from '../naive-embed';
import { sleep } from './instrument';
import { fakeToken, fetchFromServer } from './token-endpoint';

export type SubjectKind = 'flinks' | 'naive-mount' | 'naive-deps' | 'plaid';

const PARAMS = { demo: true, language: 'en', consentEnable: true } as const;

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

/** Records the subject's re-render durations from now on. */
export function startProfiling(): void {
  durations = [];
  profiling = true;
}

/** Stops recording; the re-render durations recorded since `startProfiling`, in ms. */
export function stopProfiling(): number[] {
  profiling = false;
  return durations;
}

const onRender: ProfilerOnRenderCallback = (_id, phase, actualDuration) => {
  if (profiling && phase !== 'mount') durations.push(actualDuration);
};

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
export const container = document.getElementById('root')!;

export function mountApp(initial: Omit<AppState, 'mounted' | 'key' | 'n'>): void {
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

export function unmountApp(): void {
  root?.unmount();
  root = undefined;
}

export const update = (change: (state: AppState) => AppState) => flushSync(() => controls.setState!(change));
export const rerender = () => update((state) => ({ ...state, n: state.n + 1 }));

export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs)
      throw new Error('bench page: timed out waiting for the iframe');
    await sleep(2);
  }
}

const frameIn = () => container.querySelector('iframe');
export const frameWithSrc = () => Boolean(frameIn()?.getAttribute('src'));
