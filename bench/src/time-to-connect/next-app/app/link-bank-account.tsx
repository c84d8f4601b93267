'use client';
import './rest-of-the-app';
import { FlinksConnect, type FetchAuthorizeToken, type InitialToken } from '@flinks-embed/react';

// The rest of the app's start-up work, as in the other variants' bundle.
if (typeof window !== 'undefined') (window as { appWork?: () => number }).appWork?.();

const params = { demo: true };
const fetchAuthorizeToken: FetchAuthorizeToken = ({ signal }) =>
  fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json());

export function LinkBankAccount({
  connectUrl,
  initialToken,
}: {
  connectUrl: string;
  initialToken: InitialToken;
}) {
  return (
    <FlinksConnect
      connectUrl={connectUrl}
      params={params}
      fetchAuthorizeToken={fetchAuthorizeToken}
      initialToken={initialToken}
    />
  );
}
