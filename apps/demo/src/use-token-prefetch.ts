import { prefetchAuthorizeToken, type FetchAuthorizeToken, type InitialToken } from '@flinks-embed/react';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * The first token, requested early with `prefetchAuthorizeToken` when the user shows intent, for
 * `<FlinksConnect initialToken>`. One prefetch per mount: the library loads it once at most, and
 * a second would only mint another token. When the component that owns it unmounts (the user left
 * before Connect, or Connect itself went away), the request is aborted: nothing will load it.
 */
export function useTokenPrefetch(): {
  initialToken: InitialToken | null;
  prefetch: (fetchAuthorizeToken: FetchAuthorizeToken) => void;
} {
  const [initialToken, setInitialToken] = useState<InitialToken | null>(null);
  const controller = useRef<AbortController | null>(null);
  // StrictMode's trial unmount comes before any intent: it finds nothing to abort.
  useEffect(() => () => controller.current?.abort(), []);
  const prefetch = useCallback((fetchAuthorizeToken: FetchAuthorizeToken) => {
    if (controller.current) return;
    controller.current = new AbortController();
    setInitialToken(prefetchAuthorizeToken(fetchAuthorizeToken, { signal: controller.current.signal }));
  }, []);
  return { initialToken, prefetch };
}
