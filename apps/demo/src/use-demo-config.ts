import { useCallback, useEffect, useState } from 'react';
import type { DemoConfig } from '../shared/demo-api';
import { getDemoConfig } from './api';

export type DemoConfigState =
  | { status: 'loading' }
  | { status: 'ready'; config: DemoConfig }
  | { status: 'error'; message: string; retry: () => void };

/** Where Connect is served from this run (simulator or real Flinks), from the demo server. */
export function useDemoConfig(): DemoConfigState {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<DemoConfigState>({ status: 'loading' });
  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);
  useEffect(() => {
    const controller = new AbortController();
    getDemoConfig(controller.signal).then(
      (config) => setState({ status: 'ready', config }),
      (error: unknown) => {
        if (!controller.signal.aborted) {
          setState({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
            retry,
          });
        }
      },
    );
    return () => controller.abort();
  }, [attempt, retry]);
  return state;
}
