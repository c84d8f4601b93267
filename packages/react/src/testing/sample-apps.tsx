// Apps as their developers write them, for the kit's own tests: a correct one and two with the
// bugs the kit must catch. Each renders the real <FlinksConnect>.
import { useState } from 'react';
import { FlinksConnect } from '../index';
import type { ConnectEvent } from '../index';

const fetchFromServer = ({
  signal,
}: {
  signal: AbortSignal;
}): Promise<{ token: string; expiresIn: number }> =>
  fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then(
    (response) => response.json() as Promise<{ token: string; expiresIn: number }>,
  );

/** Saves the login on REDIRECT, shows help on INVALID_LOGIN, offers a retry when the token fails. */
export function LinkBankPage({ saveLogin }: { saveLogin: (loginId: string) => void }) {
  const [linked, setLinked] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  if (linked) return <p>Bank linked ({linked})</p>;
  return (
    <section>
      <h1>Link your bank</h1>
      {help && <p role="alert">Check your username and password with your bank.</p>}
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={fetchFromServer}
        params={{ demo: true, consentEnable: true }}
        retry={false}
        onEvent={(event: ConnectEvent) => {
          if (event.type === 'error' && event.flinksCode === 'INVALID_LOGIN') setHelp(true);
        }}
        onRedirect={({ loginId }) => {
          saveLogin(loginId);
          setLinked(loginId);
        }}
        errorFallback={({ retry }) => (
          <button type="button" onClick={retry}>
            Try again
          </button>
        )}
      />
    </section>
  );
}

/** The bug: it listens to events, not to `onRedirect`, and never notices the account was linked. */
export function IgnoresRedirectPage({ saveLogin }: { saveLogin: (loginId: string) => void }) {
  const [step, setStep] = useState('');
  return (
    <section>
      <p>Last step: {step}</p>
      <FlinksConnect
        instance="toolbox"
        fetchAuthorizeToken={fetchFromServer}
        onEvent={(event) => {
          if (event.type === 'step') setStep(event.step);
          // Reads a field REDIRECT does not always carry at the top level (it may be only in `url`).
          if (event.type === 'step' && event.step === 'ACCOUNT_SELECTED' && event.data.loginId) {
            saveLogin(String(event.data.loginId));
          }
        }}
      />
    </section>
  );
}

let cachedToken: Promise<string> | undefined;

/** The bug: it caches "the" token at module level, so a second visit loads a spent token. */
export function CachesTokenPage() {
  cachedToken ??= fetchFromServer({ signal: new AbortController().signal }).then(({ token }) => token);
  return <FlinksConnect instance="toolbox" fetchAuthorizeToken={() => cachedToken!} />;
}

export const forgetCachedToken = (): void => {
  cachedToken = undefined;
};
