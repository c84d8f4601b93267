import {
  connectUrlForInstance,
  createConnectSession,
  FlinksConnectError,
  paramEntries,
  type ConnectSession,
  type ConnectSessionState,
} from '@flinks-embed/core';
import { useEffect, useRef, useSyncExternalStore, type RefObject } from 'react';
import type { FlinksConnectProps } from './flinks-connect-props';
import { latestCallbacks, tokenOptionsKey } from './token-options';
import { useKeyedInstance } from './use-keyed-instance';
import { useLatest } from './use-latest';

/**
 * The core Connect session behind one `<FlinksConnect>`, its state, and the ref its iframe must
 * take (only that iframe's messages are accepted).
 *
 * The session is keyed on what it loads: the base URL, the params by value, and the token and load
 * options. A change there makes a new session, and so a new iframe with a fresh token; new
 * callbacks and equal params change nothing.
 */
export function useConnectSession(
  props: FlinksConnectProps,
): [ConnectSession, ConnectSessionState, RefObject<HTMLIFrameElement | null>] {
  const { instance, connectUrl, params, fetchAuthorizeToken } = props;
  if ((instance == null) === (connectUrl == null)) {
    throw new FlinksConnectError(
      'invalid_options',
      __DEV__
        ? `<FlinksConnect> needs exactly one of instance (such as "toolbox") and connectUrl; it got ${
            instance == null ? 'neither' : 'both'
          }.`
        : '',
    );
  }
  const base = connectUrl ?? connectUrlForInstance(instance!);
  const frame = useRef<HTMLIFrameElement>(null);
  const latest = useLatest(props);
  const key = JSON.stringify([base, paramEntries(params), props.loadTimeoutMs, tokenOptionsKey(props)]);
  const session = useKeyedInstance(key, () =>
    createConnectSession({
      ...props,
      ...latestCallbacks(latest, fetchAuthorizeToken),
      connectUrl: base,
      getFrame: () => frame.current?.contentWindow,
      // One object for the session's life; core reads its fields when an event fires.
      handlers: {
        onEvent: (event) => latest.current.onEvent?.(event),
        onRedirect: (details, event) => latest.current.onRedirect?.(details, event),
        onError: (error) => latest.current.onError?.(error),
        onInvalidMessage: (data) => latest.current.onInvalidMessage?.(data),
      },
    }),
  );
  // The server snapshot is the idle state: the server renders the loading fallback, and so does hydration.
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  // stop, not dispose: StrictMode starts the same session again after its synthetic unmount.
  // A replaced session is only stopped too; stopped, it holds no listener and no timer.
  useEffect(() => session.start(), [session]);
  return [session, state, frame];
}
