import { useId } from 'react';
import type { ErrorFallbackProps, PopupBlockedNoticeProps } from './flinks-connect-props';

/**
 * The default `errorFallback`. Only the sentence is the alert: a button inside it would be read
 * out as part of the announcement. The error's own message is written for developers (it
 * reaches them through `onError`), so it is not shown to the user. The alert is named by its own
 * sentence, so it can be told apart from other alerts on the page (Next.js' route announcer is one).
 */
export const DefaultErrorFallback = ({ retry, labels, focusRef }: ErrorFallbackProps & FocusRef) => (
  <Notice text={labels.error} action={labels.retry} onClick={retry} focusRef={focusRef} />
);

/**
 * What `<FlinksConnect>` also gives its error fallback: a ref for the element that takes the
 * focus after the user's own "Try again" (the default one gives it its button).
 */
interface FocusRef {
  focusRef?: ((node: HTMLElement | null) => void) | undefined;
}

/** The default `popupBlockedNotice`: the same shape, next to the frame, with a dismiss button. */
export const DefaultPopupBlockedNotice = ({ dismiss, labels }: PopupBlockedNoticeProps) => (
  <Notice text={labels.popupBlocked} action={labels.dismiss} onClick={dismiss} />
);

function Notice({
  text,
  action,
  onClick,
  focusRef,
}: { text: string; action: string; onClick: () => void } & FocusRef) {
  const id = useId();
  return (
    <div>
      <p role="alert" id={id} aria-labelledby={id}>
        {text}
      </p>
      <button type="button" onClick={onClick} ref={focusRef}>
        {action}
      </button>
    </div>
  );
}
