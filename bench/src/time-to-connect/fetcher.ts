import type { FetchAuthorizeToken } from '@flinks-embed/react';

/** The app's fetcher: its own token endpoint, which mints with the secret on the server. */
export const fetchAuthorizeToken: FetchAuthorizeToken = ({ signal }) =>
  fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json());
