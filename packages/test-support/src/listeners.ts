// What a test needs to prove the library leaves nothing behind and swallows nothing.
import { vi } from 'vitest';

/** The types of the listeners added to `target` from now on and not removed since. */
export function trackListeners(target: EventTarget): () => string[] {
  const live: { type: string; listener: unknown }[] = [];
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  vi.spyOn(target, 'addEventListener').mockImplementation((type, listener, options) => {
    live.push({ type, listener });
    add(type, listener, options);
  });
  vi.spyOn(target, 'removeEventListener').mockImplementation((type, listener, options) => {
    const index = live.findIndex((entry) => entry.type === type && entry.listener === listener);
    if (index >= 0) live.splice(index, 1);
    remove(type, listener, options);
  });
  return () => live.map((entry) => entry.type);
}

/** Errors rethrown asynchronously (an app callback's), caught instead of failing the run. */
export function catchRethrown(): unknown[] {
  const thrown: unknown[] = [];
  const queue = globalThis.queueMicrotask;
  vi.spyOn(globalThis, 'queueMicrotask').mockImplementation((task) =>
    queue(() => {
      try {
        task();
      } catch (error) {
        thrown.push(error);
      }
    }),
  );
  // Core reports an app callback's error with reportError, which browsers have and jsdom lacks.
  vi.stubGlobal('reportError', (error: unknown) => thrown.push(error));
  return thrown;
}
