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
): [ConnectSession, ConnectSessionState, RefObject<HTMLIFrameElement | null>, ConnectParams['language']] {
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
  // stop, not dispose: StrictMode starts the same session again after its synthetic unmount.
  // A replaced session is only stopped too; stopped, it holds no listener and no timer.
  useEffect(() => session.start(), [session]);
  return [session, state, frame, language];
}

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
