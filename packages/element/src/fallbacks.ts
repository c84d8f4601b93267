import type { ErrorFallbackProps, PopupBlockedNoticeProps } from '@flinks-embed/core';

/** The default loading fallback: announced politely by screen readers, styled by nothing. */
export const defaultLoadingFallback = (text: string) => (): Node => {
  const line = document.createElement('p');
  line.setAttribute('role', 'status');
  // Focusable by script: after "Try again" it holds the focus until Connect or an error replaces it.
  line.tabIndex = -1;
  line.textContent = text;
  return line;
};

/**
 * A sentence and a button. Only the sentence is the alert: a button inside it would be read out
 * as part of the announcement.
 */
const notice = (text: string, action: string, onClick: () => void): Node => {
  const box = document.createElement('div');
  const alert = document.createElement('p');
  alert.setAttribute('role', 'alert');
  alert.textContent = text;
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = action;
  button.addEventListener('click', onClick);
  box.append(alert, button);
  return box;
};

/**
 * The default error fallback. The error's own message is written for developers (it reaches
 * them through `onError`), so it is not shown to the user.
 */
export const defaultErrorFallback =
  (text: string, retryText: string) =>
  ({ retry }: ErrorFallbackProps): Node =>
    notice(text, retryText, retry);

/** The default `popupBlockedNotice`: the same shape, before the iframe, with a dismiss button. */
export const defaultPopupBlockedNotice = ({ dismiss, labels }: PopupBlockedNoticeProps): Node =>
  notice(labels.popupBlocked, labels.dismiss, dismiss);
