// The naive embed every comparison is made against: what an app writes without a library. A
// `useEffect` fetches a token, state holds it, and an iframe shows Connect with it.
import { useEffect, useState } from 'react';

export interface NaiveEmbedProps {
  connectUrl: string;
  fetchToken: () => Promise<string>;
  params?: Record<string, string | number | boolean>;
  onEvent?: (data: unknown) => void;
}

function connectSrc(connectUrl: string, params: NaiveEmbedProps['params'], token: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params ?? {})) query.set(key, String(value));
  query.set('authorizeToken', token);
  return `${connectUrl}?${query}`;
}

function useConnectEvents(connectUrl: string, onEvent: NaiveEmbedProps['onEvent']): void {
  useEffect(() => {
    const origin = new URL(connectUrl).origin;
    const listener = (event: MessageEvent) => {
      if (event.origin === origin) onEvent?.(event.data);
    };
    window.addEventListener('message', listener);
    return () => window.removeEventListener('message', listener);
  }, [connectUrl, onEvent]);
}

/** Form 1: the mount-only effect (an empty dependency list, the lint rule silenced). */
export function NaiveEmbed({ connectUrl, fetchToken, params, onEvent }: NaiveEmbedProps) {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    fetchToken().then(setToken);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the naive form under test
  }, []);
  useConnectEvents(connectUrl, onEvent);
  if (!token) return <p role="status">Loading…</p>;
  return (
    <iframe
      src={connectSrc(connectUrl, params, token)}
      title="Connect your bank account"
      width="100%"
      height={760}
    />
  );
}

/** Form 2: the lint-clean effect, listing its dependencies and ignoring a stale answer (React's docs). */
export function NaiveEmbedWithDeps({ connectUrl, fetchToken, params, onEvent }: NaiveEmbedProps) {
  const [token, setToken] = useState<string | null>(null);
  useEffect(() => {
    let ignore = false;
    fetchToken().then((next) => {
      if (!ignore) setToken(next);
    });
    return () => {
      ignore = true;
    };
  }, [fetchToken, params]);
  useConnectEvents(connectUrl, onEvent);
  if (!token) return <p role="status">Loading…</p>;
  return (
    <iframe
      src={connectSrc(connectUrl, params, token)}
      title="Connect your bank account"
      width="100%"
      height={760}
    />
  );
}
