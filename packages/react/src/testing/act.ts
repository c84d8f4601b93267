import * as React from 'react';

/** What `act` looks like on `react` (React 18.3+ and 19; older versions have it in react-dom/test-utils). */
const reactAct = (React as unknown as { act?: (callback: () => void) => void }).act;

/**
 * React's `act`, with the act environment on for its duration (as Testing Library's own `act`
 * does), so the state updates a message causes are applied before `emit` returns.
 */
export function defaultAct(callback: () => void): void {
  if (!reactAct) return callback();
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean | undefined };
  const previous = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    reactAct(callback);
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}
