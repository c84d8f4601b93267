// What one scenario's subject did that an app would notice: token fetches (the stand-in endpoint's
// counters), iframe loads and the tokens they carried (a MutationObserver on the whole document),
// and, for Plaid, the iframes its script created and destroyed (a counting stand-in for the script).
import { sleep } from './instrument';
import { fetchCounts } from './token-endpoint';

/** The counters one phase of a scenario reports. */
export interface Counts {
  fetches: number;
  /** Fetcher calls answered with a token (not aborted first). */
  minted: number;
  /** Distinct tokens that reached an iframe `src`. */
  tokens: number;
  /** Iframe documents loaded with a token (insertions plus `src` changes). */
  loads: number;
  /** The most loads any one token got. */
  maxLoadsPerToken: number;
  insertions: number;
  srcChanges: number;
  creates: number;
  destroys: number;
}

const frameTokens = new Map<string, number>();
const domCounts = { insertions: 0, srcChanges: 0 };
const plaidCounts = { creates: 0, destroys: 0 };

/** Called with the time an iframe first gets its `src`, while time to iframe is measured. */
let onFrameSrc: ((now: number) => void) | undefined;
export function watchFrameSrc(listener: ((now: number) => void) | undefined): void {
  onFrameSrc = listener;
}

function recordLoad(frame: HTMLIFrameElement): void {
  const src = frame.getAttribute('src');
  if (!src) return;
  onFrameSrc?.(performance.now());
  const token = new URL(src, location.href).searchParams.get('authorizeToken');
  if (token) frameTokens.set(token, (frameTokens.get(token) ?? 0) + 1);
}

new MutationObserver((records) => {
  // One batch may hold both a container's insertion and, inside it by now, an iframe's: count each once.
  const inserted = new Set<HTMLIFrameElement>();
  for (const record of records) {
    if (record.type === 'attributes' && record.target instanceof HTMLIFrameElement) {
      if (record.target.isConnected && record.oldValue !== record.target.getAttribute('src')) {
        domCounts.srcChanges++;
        recordLoad(record.target);
      }
      continue;
    }
    for (const node of record.addedNodes) {
      if (!(node instanceof Element)) continue;
      const frames = node instanceof HTMLIFrameElement ? [node] : [...node.querySelectorAll('iframe')];
      for (const frame of frames) inserted.add(frame);
    }
  }
  for (const frame of inserted) {
    domCounts.insertions++;
    recordLoad(frame);
  }
}).observe(document, {
  subtree: true,
  childList: true,
  attributes: true,
  attributeFilter: ['src'],
  attributeOldValue: true,
});

export function resetCounts(): void {
  fetchCounts.calls = fetchCounts.minted = 0;
  frameTokens.clear();
  domCounts.insertions = domCounts.srcChanges = 0;
  plaidCounts.creates = plaidCounts.destroys = 0;
}

export async function readCounts(): Promise<Counts> {
  await sleep(0); // mutation records are delivered by now
  const loads = [...frameTokens.values()];
  return {
    fetches: fetchCounts.calls,
    minted: fetchCounts.minted,
    tokens: frameTokens.size,
    loads: loads.reduce((a, b) => a + b, 0),
    maxLoadsPerToken: Math.max(0, ...loads),
    insertions: domCounts.insertions,
    srcChanges: domCounts.srcChanges,
    creates: plaidCounts.creates,
    destroys: plaidCounts.destroys,
  };
}

// Plaid's script, counted (the real one is never fetched: the page serves this stand-in).

export function installPlaidStandIn(blankUrl: string): void {
  (window as unknown as { Plaid: unknown }).Plaid = {
    createEmbedded(_config: unknown, target: HTMLElement) {
      plaidCounts.creates++;
      const frame = document.createElement('iframe');
      frame.src = blankUrl;
      target.appendChild(frame);
      return {
        destroy() {
          plaidCounts.destroys++;
          frame.remove();
        },
      };
    },
    create() {
      return { open() {}, exit() {}, destroy() {} };
    },
  };
}
