'use client';

import { useState } from 'react';
import {
  FlinksConnect,
  type ConnectParams,
  type InitialToken,
  type RedirectDetails,
} from '@flinks-embed/react';
import type { ConnectTarget } from '../lib/flinks-config';
import { LinkedAccounts } from './linked-accounts';

/**
 * Asks this app's own route handler for a fresh token: one request per iframe load. A refusal
 * carries the handler's code (`server_not_configured`, `origin_not_allowed`, ...), which the
 * library reads: a setup answer is explained and not retried.
 */
async function fetchAuthorizeToken({ signal }: { signal: AbortSignal }) {
  const response = await fetch('/api/flinks/authorize-token', { method: 'POST', signal });
  const body = (await response.json()) as { token: string; expiresAt?: number; error?: string };
  if (!response.ok) {
    throw Object.assign(new Error(`token endpoint: ${body.error ?? response.status}`), { code: body.error });
  }
  return body;
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
      {/* Without innerRedirect, Connect is taking the whole page to redirectUrl: the accounts are asked for there. */}
      {linked ? (
        <ConnectResult result={linked} accounts={!(params.redirectUrl && params.innerRedirect === false)} />
      ) : null}
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

/** What a finished Connect flow gave, and the accounts the server got for its `loginId`. */
export function ConnectResult({
  result,
  accounts = true,
}: {
  result: Partial<RedirectDetails>;
  /** Ask the server for the accounts of `result.loginId` (default true). */
  accounts?: boolean;
}) {
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
      {accounts && result.loginId ? <LinkedAccounts loginId={result.loginId} /> : null}
    </section>
  );
}
