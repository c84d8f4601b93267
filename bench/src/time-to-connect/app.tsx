// The bench app's client code for "time to Connect": one page, four ways to reach Connect. The page
// says which in `<div id="root" data-variant>`; the same bundle (with the same weight of app code
// before it) serves every variant, so only the way to the token differs.
import {
  FlinksConnect,
  prefetchAuthorizeToken,
  type FetchAuthorizeToken,
  type InitialToken,
} from '@flinks-embed/react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { NaiveEmbed } from '../naive-embed';

declare global {
  interface Window {
    /** The rest of the app (src/time-to-connect/filler.mjs): its start-up work. */
    appWork?: () => number;
  }
}

const root = document.getElementById('root')!;
const variant = root.dataset.variant;
const connectUrl = root.dataset.connectUrl!;
const params = { demo: true };
const fetchAuthorizeToken: FetchAuthorizeToken = ({ signal }) =>
  fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json());

// A route loader's prefetch: before the rest of the app starts up and renders.
const prefetched = variant === 'prefetch' ? prefetchAuthorizeToken(fetchAuthorizeToken) : undefined;
window.appWork?.();

if (variant === 'naive') {
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
} else if (variant === 'server') {
  // The first token the server minted and rendered the iframe with: the same props hydrate it.
  const initialToken = JSON.parse(document.getElementById('first-token')!.textContent!) as InitialToken;
  hydrateRoot(
    root,
    <FlinksConnect
      connectUrl={connectUrl}
      params={params}
      fetchAuthorizeToken={fetchAuthorizeToken}
      initialToken={initialToken}
    />,
  );
} else {
  createRoot(root).render(
    <FlinksConnect
      connectUrl={connectUrl}
      params={params}
      fetchAuthorizeToken={fetchAuthorizeToken}
      initialToken={prefetched}
    />,
  );
}
