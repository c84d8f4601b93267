import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * Counts `message` events this window received that <FlinksConnect> did not take: anything not
 * from its iframe's origin and window, such as a forged `REDIRECT` from another tab or frame.
 * The component checks origin and source itself; this only makes its silence visible.
 *
 * Call `taken()` from `onEvent` and `onInvalidMessage`. The tally waits one task, because the
 * component's listener and this one run for the same message in either order.
 */
export function useIgnoredMessages(): { ignored: number; taken: () => void } {
  const counts = useRef({ received: 0, taken: 0 });
  const [ignored, setIgnored] = useState(0);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onMessage = (): void => {
      counts.current.received += 1;
      clearTimeout(timer);
      timer = setTimeout(() => setIgnored(counts.current.received - counts.current.taken));
    };
    window.addEventListener('message', onMessage);
    return () => {
      window.removeEventListener('message', onMessage);
      clearTimeout(timer);
    };
  }, []);

  const taken = useCallback(() => {
    counts.current.taken += 1;
  }, []);
  return { ignored, taken };
}
