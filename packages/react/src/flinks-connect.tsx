import {
  connectLabels,
  EARLY_MESSAGES_SCRIPT,
  frameName,
  IFRAME_ATTRIBUTES,
  IFRAME_STYLE,
} from '@flinks-embed/core';
import { forwardRef, useImperativeHandle, useRef, useState, type ReactNode } from 'react';
import { DefaultErrorFallback, DefaultPopupBlockedNotice } from './fallbacks';
import type { FlinksConnectHandle, FlinksConnectProps } from './flinks-connect-props';
import { useConnectSession } from './use-connect-session';

/**
 * Flinks Connect in an iframe, with the authorize token handled: one fresh token per iframe load,
 * fetched once per mount (StrictMode included), replaced before it expires until the user has
 * submitted credentials, and messages accepted only from this component's own iframe.
 *
 * @example
 * <FlinksConnect
 *   instance="toolbox"
 *   fetchAuthorizeToken={({ signal }) =>
 *     fetch('/api/flinks/authorize-token', { method: 'POST', signal }).then((r) => r.json())
 *   }
 *   params={{ demo: true, consentEnable: true }}
 *   onRedirect={({ loginId }) => saveLogin(loginId)}
 * />
 */
// forwardRef, not ref-as-prop: the same code then takes a ref in React 18 and in 19. PURE: a
// bundler may then drop the component from an app that imports only the hook.
export const FlinksConnect = /* @__PURE__ */ forwardRef<FlinksConnectHandle, FlinksConnectProps>(
  function FlinksConnect(props, ref) {
    const [session, { status, src, error, popupBlocked }, frame, language, serverHtml] =
      useConnectSession(props);
    const labels = connectLabels(language, props.labels);
    // After the user's own "Try again", what replaces the button takes the focus it dropped to
    // <body> (the loading line, the next error's button, the iframe once it loads): a keyboard or
    // screen-reader user goes on from there. Focus anywhere else is left alone.
    const retried = useRef(false);
    const keepFocus = (node: HTMLElement | null): void => {
      if (node && retried.current && document.activeElement === document.body) node.focus();
    };
    const {
      title = labels.title,
      className,
      style,
      iframeProps,
      loadingFallback = (
        <p role="status" tabIndex={-1} ref={keepFocus}>
          {labels.loading}
        </p>
      ),
      errorFallback = DefaultErrorFallback,
      popupBlockedNotice = DefaultPopupBlockedNotice,
    } = props;
    // Which blocked pop-up the user dismissed the notice for: the next one shows it again.
    const [dismissed, setDismissed] = useState<unknown>();
    useImperativeHandle(ref, () => ({ reload: () => session.reload() }), [session]);

    if (status === 'error') {
      const retry = () => {
        retried.current = true;
        session.reload();
      };
      return (
        <Slot render={errorFallback} error={error!} retry={retry} labels={labels} focusRef={keepFocus} />
      );
    }
    if (!src) {
      // No <link rel="preconnect">: a cross-site frame never reuses a socket the page opened
      // (Chromium partitions connections by top-level site), so it only cost bytes.
      return loadingFallback;
    }
    const blocked = popupBlocked ? src + popupBlocked : '';
    return [
      // With a server-rendered first token: Connect's messages from before hydration, kept for
      // the session (docs/first-token.md). Only in the server's HTML and through hydration: a
      // script React renders on the client never runs (it would only warn).
      serverHtml && src === session.firstSrc && (
        <script key="early" nonce={props.nonce} dangerouslySetInnerHTML={{ __html: EARLY_MESSAGES_SCRIPT }} />
      ),
      popupBlockedNotice && blocked && blocked !== dismissed && (
        <Slot key="popup" render={popupBlockedNotice} dismiss={() => setDismissed(blocked)} labels={labels} />
      ),
      <iframe
        // A fresh element per load: changing the src of a live iframe would add an entry to the
        // host page's history, so the Back button would step through old Connect loads.
        key={src}
        ref={frame}
        src={src}
        name={frameName(src)}
        title={title}
        {...IFRAME_ATTRIBUTES}
        {...iframeProps}
        onLoad={(event) => {
          // The landing page of an inner redirect is a second channel for the result.
          session.frameLoaded();
          keepFocus(event.currentTarget);
          iframeProps?.onLoad?.(event);
        }}
        className={className}
        style={{ ...IFRAME_STYLE, ...style }}
      />,
    ];
  },
);

/**
 * Renders `errorFallback` or `popupBlockedNotice` as a component of its own, so an app's may use
 * hooks (a `function ErrorCard()` passed as is) without changing the hook order of <FlinksConnect>.
 */
function Slot<P>({ render, ...props }: P & { render: (props: P) => ReactNode }) {
  return render(props as P);
}
