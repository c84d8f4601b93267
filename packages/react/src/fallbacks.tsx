import { useId } from 'react';
import type { ErrorFallbackProps, PopupBlockedNoticeProps } from './flinks-connect-props';

/**
 * After the user's "Try again", what replaced the button takes the focus it dropped (to
 * `<body>`), so a keyboard or screen-reader user goes on from there; focus elsewhere is left alone.
 */
export const takeFocus = (node: HTMLElement | null): void => {
  if (node && document.activeElement === document.body) node.focus();
};

/**
 * The default `errorFallback`. Only the sentence is the alert: a button inside it would be read
 * out as part of the announcement. The error's own message is written for developers (it
 * reaches them through `onError`), so it is not shown to the user. The alert is named by its own
 * sentence, so it can be told apart from other alerts on the page (Next.js' route announcer is one).
 */
export const DefaultErrorFallback = ({ retry, labels, focus }: ErrorFallbackProps & { focus?: boolean }) => (
  <Notice text={labels.error} action={labels.retry} onClick={retry} focus={focus} />
);

/** The default `popupBlockedNotice`: the same shape, next to the frame, with a dismiss button. */
export const DefaultPopupBlockedNotice = ({ dismiss, labels }: PopupBlockedNoticeProps) => (
  <Notice text={labels.popupBlocked} action={labels.dismiss} onClick={dismiss} />
);

function Notice({
  text,
  action,
  onClick,
  focus,
}: {
  text: string;
  action: string;
  onClick: () => void;
  focus?: boolean | undefined;
}) {
  const id = useId();
  return (
    <div>
      <p role="alert" id={id} aria-labelledby={id}>
        {text}
      </p>
      <button type="button" onClick={onClick} ref={focus ? takeFocus : undefined}>
        {action}
      </button>
    </div>
  );
}
