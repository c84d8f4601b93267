/** A started Connect session, as the page-wide list sees it. The shape is kept stable across versions. */
export interface LiveSession {
  /** The Connect origin its iframe is served from. */
  readonly origin: string;
  /** The window of its current iframe, or `null`/`undefined` while it has none. */
  frame(): unknown;
}

const KEY = Symbol.for('@flinks-embed/core:live-sessions');

/**
 * Every started session on this page. On `globalThis` under a registered symbol, not in a module
 * variable: an app that bundles two copies of core (its ESM and CJS builds, or two versions) still
 * has one list, so no copy adopts a message that a session of the other copy could own.
 */
export function liveSessions(): Set<LiveSession> {
  const global = globalThis as { [KEY]?: Set<LiveSession> };
  return (global[KEY] ??= new Set());
}
