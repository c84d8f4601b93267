'use client';

import { useState } from 'react';
import {
  FlinksConnect,
  type ConnectParams,
  type InitialToken,
  type RedirectDetails,
} from '@flinks-embed/react';
import type { ConnectTarget } from '../lib/flinks-config';

/** Asks this app's own route handler for a fresh token: one request per iframe load. */
async function fetchAuthorizeToken({ signal }: { signal: AbortSignal }) {
  const response = await fetch('/api/flinks/authorize-token', { method: 'POST', signal });
  if (!response.ok) throw new Error(`The token endpoint answered ${response.status}.`);
  return response.json() as Promise<{ token: string; expiresAt?: number }>;
}

export interface LinkBankAccountProps {
  target: ConnectTarget;
  /** Connect's parameters; the redirect mode adds `redirectUrl`. */
  params: ConnectParams;
  /** The first token, minted by the server while it rendered the page (app/first-token), or `null`. */
  initialToken?: InitialToken | null;
}

/** The client half: `<FlinksConnect>` and what it reports. */
export function LinkBankAccount({ target, params, initialToken }: LinkBankAccountProps) {
  const [linked, setLinked] = useState<RedirectDetails | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  return (
    <>
      {linked ? <ConnectResult result={linked} /> : null}
      {failure ? (
        <p data-testid="connect-error" style={{ color: '#991b1b' }}>
          Flinks Connect reported <code>{failure}</code>.
        </p>
      ) : null}
      <FlinksConnect
        {...target}
        fetchAuthorizeToken={fetchAuthorizeToken}
        initialToken={initialToken}
        params={params}
        onRedirect={setLinked}
        onError={(error) => setFailure(error.flinksCode ?? error.code)}
        style={{ background: '#fff', borderRadius: 8 }}
      />
    </>
  );
}

/** What a finished Connect flow gave: in a real app, the `loginId` goes to your server. */
export function ConnectResult({ result }: { result: Partial<RedirectDetails> }) {
  return (
    <section aria-labelledby="connect-result" data-testid="connect-result">
      <h2 id="connect-result">Bank account connected</h2>
      <dl>
        <dt>loginId</dt>
        <dd data-testid="result-loginId">{result.loginId}</dd>
        <dt>institution</dt>
        <dd data-testid="result-institution">{result.institution}</dd>
        {result.accountId ? (
          <>
            <dt>accountId</dt>
            <dd data-testid="result-accountId">{result.accountId}</dd>
          </>
        ) : null}
      </dl>
    </section>
  );
}
