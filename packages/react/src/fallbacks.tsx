import { useId } from 'react';
import type { ErrorFallbackProps } from './flinks-connect-props';

/** The default `loadingFallback`: announced politely by screen readers, styled by nothing. */
export const DefaultLoadingFallback = () => <p role="status">Loading your bank connection…</p>;

/**
 * The default `errorFallback`. Only the sentence is the alert: a button inside it would be read
 * out as part of the announcement. The error's own message is written for developers (it
 * reaches them through `onError`), so it is not shown to the user. The alert is named by its own
 * sentence, so it can be told apart from other alerts on the page (Next.js' route announcer is one).
 */
export const DefaultErrorFallback = ({ retry }: ErrorFallbackProps) => {
  const id = useId();
  return (
    <div>
      <p role="alert" id={id} aria-labelledby={id}>
        Your bank connection could not be loaded.
      </p>
      <button type="button" onClick={retry}>
        Try again
      </button>
    </div>
  );
};
