import {
  FlinksConnect,
  type ConnectEvent,
  type FetchAuthorizeToken,
  type FlinksConnectTarget,
  type RedirectDetails,
} from '@flinks-embed/react';
import type { DemoConfig } from '../../shared/demo-api';
import { postAuthorizeToken } from '../api';
import { describeConnectEvent, type LogEntry } from '../event-log';
import { formatCountdown } from '../format';
import type { DemoSettings } from '../settings';
import type { TokenActivityAction } from '../token-activity';
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
  onMessageTaken,
  onLinked,
}: {
  config: DemoConfig;
  settings: DemoSettings;
  track: (action: TokenActivityAction) => void;
  log: (entry: Omit<LogEntry, 'id' | 'at'>) => void;
  /** A message from the Connect iframe reached the component (see useIgnoredMessages). */
  onMessageTaken: () => void;
  onLinked: (details: RedirectDetails) => void;
}) {
  const target: FlinksConnectTarget =
    config.backend === 'simulator' ? { connectUrl: config.connectUrl } : { instance: config.instance };

  // What an app writes is `postAuthorizeToken(signal)`: ask your own server. The rest feeds the panels.
  const fetchAuthorizeToken: FetchAuthorizeToken = async ({ signal, reason }) => {
    track({ type: 'request' });
    log({ source: 'token', tone: 'neutral', name: 'Token requested', detail: `reason: ${reason}` });
    try {
      const body = await postAuthorizeToken(signal);
      // The page's "Token lifetime" control shortens the lifetime the server gave, to show expiry.
      const expiresIn =
        settings.tokenLifetime === null
          ? body.expiresIn
          : Math.min(body.expiresIn ?? Infinity, settings.tokenLifetime);
      if (!signal.aborted) {
        track({ type: 'received' });
        log({
          source: 'token',
          tone: 'success',
          name: 'Token received',
          detail:
            expiresIn === undefined ? 'no expiry given' : `expires in ${formatCountdown(expiresIn * 1000)}`,
        });
      }
      return { token: body.token, ...(expiresIn !== undefined && { expiresIn }) };
    } catch (error) {
      if (signal.aborted) {
        log({
          source: 'token',
          tone: 'neutral',
          name: 'Token request cancelled',
          detail: 'superseded or unmounted',
        });
      } else {
        track({ type: 'request-failed' });
        const detail = error instanceof Error ? error.message : String(error);
        log({ source: 'token', tone: 'warning', name: 'Token request failed', detail });
      }
      throw error;
    }
  };

  return (
    <FlinksConnect
      {...target}
      fetchAuthorizeToken={fetchAuthorizeToken}
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
