import {
  FlinksConnect,
  type ConnectEvent,
  type FlinksConnectTarget,
  type InitialToken,
  type RedirectDetails,
} from '@flinks-embed/react';
import type { DemoConfig } from '../../shared/demo-api';
import { describeConnectEvent, type LogEntry } from '../event-log';
import { createTokenFetcher, type TokenFetcherContext } from '../token-fetcher';
import { ConnectError, ConnectLoading } from './ConnectFallbacks';

function toneOf(event: ConnectEvent): LogEntry['tone'] {
  if (event.type === 'error' || event.step === 'TOKEN_INVALID') return 'danger';
  return event.step === 'REDIRECT' ? 'success' : 'neutral';
}

/**
 * `<FlinksConnect>` as an app uses it, plus what the demo's panels need to see: every token request
 * and every event goes to the token panel and the log.
 */
export function BankConnection({
  config,
  settings,
  track,
  log,
  initialToken,
  onMessageTaken,
  onLinked,
}: TokenFetcherContext & {
  config: DemoConfig;
  /** The token prefetched on the user's intent, for the first iframe load only (or none). */
  initialToken: InitialToken | null;
  /** A message from the Connect iframe reached the component (see useIgnoredMessages). */
  onMessageTaken: () => void;
  onLinked: (details: RedirectDetails) => void;
}) {
  const target: FlinksConnectTarget =
    config.backend === 'simulator' ? { connectUrl: config.connectUrl } : { instance: config.instance };

  const fetchAuthorizeToken = createTokenFetcher({ settings, track, log });

  return (
    <FlinksConnect
      {...target}
      fetchAuthorizeToken={fetchAuthorizeToken}
      initialToken={initialToken}
      params={{
        language: settings.language,
        theme: settings.theme,
        demo: settings.demo,
        consentEnable: settings.consent,
        customerName: 'Maple',
        // At the end Connect opens this page of ours inside its frame; the app already has the
        // result from the REDIRECT event.
        redirectUrl: new URL(`/connected.html?theme=${settings.theme}`, window.location.origin).href,
        innerRedirect: true,
      }}
      // When the token expires and when it is replaced, as the library times them.
      onStatusChange={({ expiresAt, refreshAt }) => track({ type: 'timing', expiresAt, refreshAt })}
      onEvent={(event) => {
        onMessageTaken();
        if (event.type === 'step') track({ type: 'step', step: event.step });
        const name = event.type === 'step' ? event.step : event.flinksCode;
        log({ source: 'connect', tone: toneOf(event), name, detail: describeConnectEvent(event) });
      }}
      onInvalidMessage={(data, { reason }) => {
        if (reason === 'malformed') {
          onMessageTaken();
          log({ source: 'connect', tone: 'warning', name: 'Unreadable message', detail: typeof data });
        } else {
          // Refused by the component (another window on the Connect origin, say): still ignored.
          log({ source: 'app', tone: 'warning', name: 'Message refused', detail: reason });
        }
      }}
      onRedirect={(details) => onLinked(details)}
      onError={(error) => {
        // Flinks error codes are in the log already, as events; the others stop the flow.
        if (error.code === 'flinks_error') return;
        track({ type: 'failed' });
        log({ source: 'token', tone: 'danger', name: error.code, detail: error.message });
      }}
      loadingFallback={<ConnectLoading />}
      errorFallback={(props) => <ConnectError {...props} />}
      title="Connect your bank account with Flinks"
      className="connect-frame"
    />
  );
}
