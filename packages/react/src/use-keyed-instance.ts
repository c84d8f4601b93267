import { useState } from 'react';

/**
 * One `create()` result per component instance and per `key`; a new key gives a new instance.
 *
 * Unlike `useMemo`, which React may forget, this keeps an instance for as long as its key holds,
 * so a re-render never fetches a second token. `create` runs during render (twice under
 * StrictMode, and renders can be discarded), so what it creates must be inert until an effect
 * starts it: core's sessions and token sources touch no global before `start()`.
 */
export function useKeyedInstance<T>(key: string, create: () => T): T {
  const [entry, setEntry] = useState(() => ({ key, instance: create() }));
  if (entry.key === key) return entry.instance;
  // React's "storing information from previous renders" pattern: re-render now with the new one.
  const next = { key, instance: create() };
  setEntry(next);
  return next.instance;
}
