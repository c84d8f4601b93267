import type { ErrorFallbackProps } from './mount';

/** The default loading fallback: announced politely by screen readers, styled by nothing. */
export const defaultLoadingFallback =
  (text = 'Loading your bank connection…') =>
  (): Node => {
    const line = document.createElement('p');
    line.setAttribute('role', 'status');
    line.textContent = text;
    return line;
  };

/**
 * The default error fallback. Only the sentence is the alert: a button inside it would be read
 * out as part of the announcement. The error's own message is written for developers (it
 * reaches them through `onError`), so it is not shown to the user.
 */
export const defaultErrorFallback =
  (text = 'Your bank connection could not be loaded.', retryText = 'Try again') =>
  ({ retry }: ErrorFallbackProps): Node => {
    const box = document.createElement('div');
    const alert = document.createElement('p');
    alert.setAttribute('role', 'alert');
    alert.textContent = text;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = retryText;
    button.addEventListener('click', retry);
    box.append(alert, button);
    return box;
  };
