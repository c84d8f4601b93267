// The bench app's route for "time to Connect": one page, four ways to reach Connect. The page says
// which in `<div id="root" data-variant>`; the same code (with the same weight of app code before
// it) serves every variant, so only the way to the token differs.
import { FlinksConnect, type InitialToken } from '@flinks-embed/react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { NaiveEmbed } from '../naive-embed';
import { fetchAuthorizeToken } from './fetcher';

declare global {
  interface Window {
    /** The rest of the app (src/time-to-connect/filler.mjs): its start-up work. */
    appWork?: () => number;
  }
}

const params = { demo: true };

/** @param initialToken the entry's prefetch, in the prefetch variant */
export function startApp(root: HTMLElement, initialToken: InitialToken | undefined): void {
  const connectUrl = root.dataset.connectUrl!;
  window.appWork?.();
  if (root.dataset.variant === 'naive') {
    createRoot(root).render(
      <NaiveEmbed
        connectUrl={connectUrl}
        params={params}
        fetchToken={() =>
          fetch('/api/flinks/authorize-token', { method: 'POST' })
            .then((r) => r.json())
            .then((body: { token: string }) => body.token)
        }
      />,
    );
    return;
  }
  const connect = (first: InitialToken | undefined) => (
    <FlinksConnect
      connectUrl={connectUrl}
      params={params}
      fetchAuthorizeToken={fetchAuthorizeToken}
      initialToken={first}
    />
  );
  if (root.dataset.variant === 'server') {
    // The first token the server minted and rendered the iframe with: the same props hydrate it.
    hydrateRoot(
      root,
      connect(JSON.parse(document.getElementById('first-token')!.textContent!) as InitialToken),
    );
  } else {
    createRoot(root).render(connect(initialToken));
  }
}
