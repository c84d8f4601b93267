/**
 * The state behind core's `getState()` / `subscribe()` (the pair `useSyncExternalStore` reads).
 * Every state is a new object, never mutated, so a snapshot a reader holds stays true.
 */
export function createStore<T>(initial: T) {
  const listeners = new Set<() => void>();
  let state = initial;
  return {
    getState: (): T => state,
    /** Calls `listener` after every change; returns the unsubscribe function. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(next: T): void {
      state = next;
      listeners.forEach((listener) => listener());
    },
    listeners,
  };
}
