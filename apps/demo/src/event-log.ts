import type { ConnectEvent } from '@flinks-embed/react';
import { useCallback, useState } from 'react';

export interface LogEntry {
  id: number;
  at: number;
  /** `connect`: an event Connect posted. `token`: the token flow. `app`: something done on this page. */
  source: 'connect' | 'token' | 'app';
  tone: 'neutral' | 'success' | 'warning' | 'danger';
  /** A step, a Flinks error code, or a short label. */
  name: string;
  detail: string;
}

const MAX_ENTRIES = 300;
let nextId = 1;

function describeValue(value: unknown): string {
  const text = Array.isArray(value)
    ? value.join(', ')
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

/** `institution: FlinksCapital · accountId: 6f1f…`: the payload without the step name. */
export function describeConnectEvent(event: ConnectEvent): string {
  const skip = event.type === 'step' ? 'step' : 'flinksCode';
  return Object.entries(event.data)
    .filter(([key, value]) => key !== skip && key !== 'url' && value !== undefined && value !== '')
    .map(([key, value]) => `${key}: ${describeValue(value)}`)
    .join(' · ');
}

export function useEventLog(): {
  entries: LogEntry[];
  log: (entry: Omit<LogEntry, 'id' | 'at'>) => void;
  clear: () => void;
} {
  const [entries, setEntries] = useState<LogEntry[]>([]);
  const log = useCallback((entry: Omit<LogEntry, 'id' | 'at'>) => {
    const full = { ...entry, id: nextId++, at: Date.now() };
    setEntries((current) => [...current.slice(-(MAX_ENTRIES - 1)), full]);
  }, []);
  const clear = useCallback(() => setEntries([]), []);
  return { entries, log, clear };
}
