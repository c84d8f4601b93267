import {
  createConnectSession,
  latestCallbacks,
  latestOptions,
  paramEntries,
  resolveConnectUrl,
  sessionKey,
  type ConnectParams,
  type ConnectSession,
  type ConnectSessionState,
  type UnknownConnectParams,
} from '@flinks-embed/core';
import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { FlinksConnectProps } from './flinks-connect-props';
import { useKeyedInstance } from './use-keyed-instance';
import { useLatest } from './use-latest';

/**
 * The core Connect session behind one `<FlinksConnect>`, its state, and the ref its iframe must
 * take (only that iframe's messages are accepted).
 *
 * The session is keyed on what it loads (core's `sessionKey`): a change there makes a new session,
 * and so a new iframe with a fresh token; new callbacks and equal params change nothing.
 */
export function useConnectSession(
  props: FlinksConnectProps,
): [
  ConnectSession,
  ConnectSessionState,
  RefObject<HTMLIFrameElement | null>,
  ConnectParams['language'],
  serverHtml: boolean,
] {
  const { params, fetchAuthorizeToken } = props;
  const base = resolveConnectUrl(props, '<FlinksConnect>');
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useLatest(props);
  const [paramsKey, language] = useParamsKey(params);
  const session = useKeyedInstance(sessionKey(base, paramsKey, props), () =>
    createConnectSession({
      ...props,
      ...latestCallbacks(fetchAuthorizeToken, () => latest.current),
      connectUrl: base,
      getFrame: () => frame.current?.contentWindow,
      handlers: latestOptions(() => latest.current),
    }),
  );
  // The server snapshot is the session's first state: idle (the loading fallback), or, with an
  // `initialToken` value, the iframe with its first src, which hydration then adopts (the same
  // element, so no second load and no fetch). Events before hydration: see docs/first-token.md.
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  // True while rendered on the server and while hydrating: the iframe of this render is then the
  // server's, which Connect may have spoken from before anyone listened. Otherwise this render
  // created it (a client render, a client-side navigation to a page with a first token), and the
  // session watches its load like any other.
  const serverHtml = useSyncExternalStore(noSubscription, never, always);
  // stop, not dispose: StrictMode starts the same session again after its synthetic unmount.
  // A replaced session is only stopped too; stopped, it holds no listener and no timer.
  // Per session, not per render: the render after hydration (serverHtml false) must not restart it.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => session.start(!serverHtml), [session]);
  return [session, state, frame, language, serverHtml];
}

const noSubscription = () => () => {};
const never = () => false;
const always = () => true;

/**
 * `params` by value, as a string. Sorting and serializing them on every render was most of a
 * re-render's cost (`pnpm bench`), so the last key is kept while `params` is the same object or
 * shallow-equal to the last one, as inline `params={{ ... }}` are.
 */
function useParamsKey(params: ConnectParams = {}): [string, ConnectParams['language']] {
  const cache = useRef<[ConnectParams, string, ConnectParams['language']]>(null);
  /* eslint-disable react-hooks/refs -- a cache of a pure function of `params`: a render React
     throws away can only leave a key that is still right for the params it was computed from. */
  if (
    !cache.current ||
    !sameValues(cache.current[0] as UnknownConnectParams, params as UnknownConnectParams)
  ) {
    cache.current = [params, JSON.stringify(paramEntries(params)), params.language];
  }
  // The language too (for the labels), read with the key rather than on every render.
  return [cache.current[1], cache.current[2]];
  /* eslint-enable react-hooks/refs */
}

/**
 * The same object, or the same value under every key
 * (a missing key and `undefined` are alike, as in the URL).
 */
const sameValues = (a: UnknownConnectParams, b: UnknownConnectParams): boolean =>
  a === b || Object.keys({ ...a, ...b }).every((name) => a[name] === b[name]);
