/**
 * A `message` event on the page, as a frame posts it: the two fields core's acceptance rule reads
 * are `origin` (the Connect URL's) and `source` (the iframe's `contentWindow`). Shared by the kit
 * and this package's own tests.
 */
export function dispatchFrameMessage(data: unknown, origin: string, source: Window | null): void {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
}

/** The `authorizeToken` in an iframe `src`, or `null`. */
export function tokenIn(src: string): string | null {
  try {
    return new URL(src).searchParams.get('authorizeToken');
  } catch {
    return null;
  }
}
