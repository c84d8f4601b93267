import { useEffect, useState } from 'react';

/**
 * The wall clock, updated every `intervalMs` while `key` is not `null`, and right away when `key`
 * changes (so a countdown to a new deadline never shows the previous tick's time).
 */
export function useNow(key: unknown, intervalMs = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (key === null) return undefined;
    const tick = (): void => setNow(Date.now());
    const first = setTimeout(tick);
    const timer = setInterval(tick, intervalMs);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, [key, intervalMs]);
  return now;
}
