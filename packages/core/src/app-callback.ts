/**
 * App code runs isolated: a callback that throws cannot stop the session's own work, and its error
 * is still reported as an uncaught error (console, `window.onerror`, error trackers), not swallowed.
 */
export function call<A extends unknown[]>(callback: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    callback?.(...args);
  } catch (error) {
    if (typeof globalThis.reportError === 'function') globalThis.reportError(error);
    else
      setTimeout(() => {
        throw error;
      });
  }
}
