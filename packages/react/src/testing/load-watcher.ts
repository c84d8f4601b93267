import { tokenIn } from './frame-messages';
import type { ConnectLoad } from './kit-types';

/** A load the kit saw, and whether `APP_MOUNTED` was posted for it. */
export interface LoadRecord extends ConnectLoad {
  mounted: boolean;
}

/**
 * Records every load of a Connect iframe on the page, oldest first: an iframe added with a `src`,
 * or a new `src` set on one. `settle()` also takes the changes the observer has not reported yet
 * (its callback runs as a microtask), so a test reads the loads right after a render.
 */
export function watchLoads(isConnectFrame: (node: Element) => node is HTMLIFrameElement) {
  const loads: LoadRecord[] = [];

  function lastLoad(iframe: HTMLIFrameElement): LoadRecord | undefined {
    for (let i = loads.length - 1; i >= 0; i--) if (loads[i]!.iframe === iframe) return loads[i];
    return undefined;
  }

  function record(iframe: HTMLIFrameElement): void {
    const last = lastLoad(iframe);
    if (last && last.src === iframe.src) return;
    loads.push({ iframe, src: iframe.src, token: tokenIn(iframe.src), mounted: false });
  }

  function scan(root: ParentNode): void {
    if (root instanceof Element && isConnectFrame(root)) record(root);
    root.querySelectorAll('iframe').forEach((iframe) => isConnectFrame(iframe) && record(iframe));
  }

  function apply(mutations: MutationRecord[]): void {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const target = mutation.target as Element;
        if (isConnectFrame(target)) record(target);
      } else {
        mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
      }
    }
  }

  const observer = new MutationObserver(apply);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  scan(document);

  return {
    settle(): LoadRecord[] {
      apply(observer.takeRecords());
      return loads;
    },
    lastLoad,
    disconnect: () => observer.disconnect(),
  };
}
