// The bench app's entry for "time to Connect", as small as a code-split app's entry: it starts what
// the route needs and imports the route's code (React, the page, the rest of the app), which the
// HTML already preloads (`<link rel="modulepreload">`, as Vite's and Next.js's builds list a route's
// chunks). Every variant loads the same entry and chunks; only the prefetch variant starts its token
// request here, as a route loader would, while the route's code is still downloading.
import { prefetchAuthorizeToken } from '@flinks-embed/react';
import { fetchAuthorizeToken } from './fetcher';

const root = document.getElementById('root')!;
const initialToken =
  root.dataset.variant === 'prefetch' ? prefetchAuthorizeToken(fetchAuthorizeToken) : undefined;
void import('./app').then(({ startApp }) => startApp(root, initialToken));
