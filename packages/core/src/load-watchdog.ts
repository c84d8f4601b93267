import { failure, invalidOptions, type FlinksConnectError } from './errors';

/** The wait for `APP_MOUNTED` of one iframe load. */
export interface LoadWatchdog {
  /** A new load started: wait `loadTimeoutMs`. */
  start(): void;
  /** Its document loaded: wait at most `mountTimeoutMs` more (an error page loads too). */
  loaded(): void;
  /** `APP_MOUNTED` came, or the load is over. */
  stop(): void;
}

/**
 * No `APP_MOUNTED` in time: after `loadTimeoutMs` from the start of the load, or `mountTimeoutMs`
 * after its document loaded (most likely the browser's error page: offline or unreachable).
 * `timedOut` gets the `iframe_load_timeout` error.
 */
export function createLoadWatchdog(
  loadTimeoutMs: number,
  mountTimeoutMs: number,
  timedOut: (error: FlinksConnectError) => void,
): LoadWatchdog {
  if (__DEV__) {
    for (const [name, ms] of [
      ['loadTimeoutMs', loadTimeoutMs],
      ['mountTimeoutMs', mountTimeoutMs],
    ] as const) {
      if (!(ms > 0)) throw invalidOptions(`${name} must be a positive number (got ${ms}).`);
    }
  }
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let grace: ReturnType<typeof setTimeout> | undefined;
  const fire = (afterLoad: boolean): void =>
    timedOut(
      failure(
        'iframe_load_timeout',
        __DEV__ &&
          (afterLoad
            ? `The Connect frame loaded, but Flinks Connect did not report APP_MOUNTED within ${mountTimeoutMs} ms ` +
              '(mountTimeoutMs): the frame most likely shows an error page. Check your Content-Security-Policy ' +
              'frame-src (it must allow the Connect origin, e.g. https://*.private.fin.ag), the network and the Connect URL.'
            : `Flinks Connect did not report APP_MOUNTED within ${loadTimeoutMs} ms. Check the network, ` +
              'your Content-Security-Policy frame-src (https://*.private.fin.ag) and the Connect URL.'),
      ),
    );
  const stop = (): void => {
    clearTimeout(watchdog);
    clearTimeout(grace);
  };
  return {
    start() {
      stop();
      watchdog = setTimeout(fire, loadTimeoutMs, false);
    },
    loaded() {
      clearTimeout(grace);
      grace = setTimeout(fire, mountTimeoutMs, true);
    },
    stop,
  };
}
