// Counts what a component leaves on the page: window/document listeners of the kinds the library
// uses, pending timers, and the harness's own untouched timer functions. Imported first, so it
// wraps the globals before any component code runs.

const WATCHED = new Set(['message', 'online', 'offline', 'visibilitychange']);

interface Registration {
  target: EventTarget;
  type: string;
  listener: EventListenerOrEventListenerObject;
  capture: boolean;
}

const registrations: Registration[] = [];
const captureOf = (options: boolean | AddEventListenerOptions | EventListenerOptions | undefined) =>
  typeof options === 'boolean' ? options : Boolean(options?.capture);

const find = (
  target: EventTarget,
  type: string,
  listener: EventListenerOrEventListenerObject,
  capture: boolean,
) =>
  registrations.findIndex(
    (r) => r.target === target && r.type === type && r.listener === listener && r.capture === capture,
  );

const originalAdd = EventTarget.prototype.addEventListener;
const originalRemove = EventTarget.prototype.removeEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  if (listener && WATCHED.has(type) && (this === window || this === document)) {
    const capture = captureOf(options);
    if (find(this, type, listener, capture) === -1) {
      const registration = { target: this, type, listener, capture };
      registrations.push(registration);
      const signal = typeof options === 'object' ? options.signal : undefined;
      signal?.addEventListener('abort', () => {
        const index = registrations.indexOf(registration);
        if (index !== -1) registrations.splice(index, 1);
      });
    }
  }
  return originalAdd.call(this, type, listener, options);
};
EventTarget.prototype.removeEventListener = function (type, listener, options) {
  if (listener && WATCHED.has(type)) {
    const index = find(this, type, listener, captureOf(options));
    if (index !== -1) registrations.splice(index, 1);
  }
  return originalRemove.call(this, type, listener, options);
};

/** Live listeners by event type. */
export function listenerCounts(): Record<string, number> {
  const counts: Record<string, number> = { message: 0, online: 0, offline: 0, visibilitychange: 0 };
  for (const { type } of registrations) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** The harness's own timers, left out of the counts. */
export const harnessSetTimeout = (window.setTimeout as (handler: () => void, ms: number) => number).bind(
  window,
);
export const harnessClearTimeout = (window.clearTimeout as (id: number) => void).bind(window);

type SetTimer = (handler: TimerHandler, timeout?: number, ...args: unknown[]) => number;
type ClearTimer = (id?: number) => void;

const pendingTimers = new Set<number>();
const originalSetTimeout = window.setTimeout as SetTimer;
const originalClearTimeout = window.clearTimeout as ClearTimer;
const originalSetInterval = window.setInterval as SetTimer;
const originalClearInterval = window.clearInterval as ClearTimer;

window.setTimeout = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
  const id: number = originalSetTimeout.call(
    window,
    (...args: unknown[]) => {
      pendingTimers.delete(id);
      if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...args);
    },
    timeout,
    ...rest,
  );
  pendingTimers.add(id);
  return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number) => {
  if (id !== undefined) pendingTimers.delete(id);
  originalClearTimeout.call(window, id);
}) as typeof window.clearTimeout;
window.setInterval = ((handler: TimerHandler, timeout?: number, ...rest: unknown[]) => {
  const id: number = originalSetInterval.call(window, handler, timeout, ...rest);
  pendingTimers.add(id);
  return id;
}) as typeof window.setInterval;
window.clearInterval = ((id?: number) => {
  if (id !== undefined) pendingTimers.delete(id);
  originalClearInterval.call(window, id);
}) as typeof window.clearInterval;

/** Timers set by page code (not the harness) that have neither fired nor been cleared. */
export const pendingTimerCount = (): number => pendingTimers.size;

/** Resolves after `ms` on the harness's own clock. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => harnessSetTimeout(resolve, ms));
