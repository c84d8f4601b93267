import { useState } from 'react';
import { FlinksConnect } from '@flinks-embed/react';

export function LinkBank({ connectUrl }: { connectUrl?: string }) {
  const [loginId, setLoginId] = useState<string | null>(null);
  const [help, setHelp] = useState(false);
  if (loginId) return <p>Bank linked: {loginId}</p>;
  return (
    <>
      {help && <p role="alert">Check the username and password you use for online banking.</p>}
      <FlinksConnect
        {...(connectUrl ? { connectUrl } : { instance: 'toolbox' })}
        fetchAuthorizeToken={({ signal }) =>
          fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json())
        }
        params={{ demo: true, consentEnable: true }}
        onEvent={(event) => {
          if (event.type === 'error' && event.flinksCode === 'INVALID_LOGIN') setHelp(true);
        }}
        onRedirect={({ loginId }) => setLoginId(loginId)}
      />
    </>
  );
}
