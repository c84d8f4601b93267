import { useId, useSyncExternalStore, type CSSProperties } from 'react';
import type { FakeTokenServer, TokenRequestRecord } from './fake-token-server';

/** One line of the event log under a story. */
export interface LogEntry {
  id: number;
  /** `event` for everything `onEvent` gets, `redirect` for `onRedirect`, `error` for `onError`. */
  kind: 'event' | 'redirect' | 'error';
  /** The step, the Flinks error code, or the library error code. */
  name: string;
  detail: string;
}

const panel: CSSProperties = {
  font: '13px/1.5 ui-monospace, SFMono-Regular, Menlo, monospace',
  background: '#f6f8fa',
  color: '#1f2328',
  border: '1px solid #d0d7de',
  borderRadius: 6,
  padding: '8px 12px',
  margin: '12px 0 0',
  maxHeight: 240,
  overflow: 'auto',
};

const kindColour: Record<LogEntry['kind'], string> = {
  event: '#0b5cad',
  redirect: '#116329',
  error: '#a40e26',
};

/** The events a story received, newest last, as designers and play functions read them. */
export function EventLog({
  entries,
  label = 'Event log',
}: {
  entries: readonly LogEntry[];
  label?: string | undefined;
}) {
  const headingId = useId();
  return (
    // Focusable: keyboard users can scroll a long log.
    <section role="log" aria-labelledby={headingId} tabIndex={0} style={panel}>
      <h2 id={headingId} style={{ font: 'inherit', fontWeight: 700, margin: 0 }}>
        {label} ({entries.length})
      </h2>
      {entries.length === 0 ? (
        <p style={{ margin: 0 }}>No events yet.</p>
      ) : (
        <ol aria-label={label} style={{ margin: 0, paddingLeft: 24 }}>
          {entries.map((entry) => (
            <li key={entry.id} data-kind={entry.kind} data-name={entry.name}>
              <strong style={{ color: kindColour[entry.kind] }}>{entry.kind}</strong> {entry.name}
              {entry.detail && <span> {entry.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const outcomeText: Record<TokenRequestRecord['outcome'], string> = {
  pending: 'waiting…',
  minted: 'minted',
  failed: 'failed (503)',
  aborted: 'aborted',
};

/** A short, recognisable form of a token: enough to see that each load got a new one. */
export const shortToken = (token: string): string => `${token.slice(0, 8)}…`;

/** The requests the in-browser token endpoint received: reason, outcome and the token it minted. */
export function TokenRequestLog({
  server,
  label = 'Token endpoint',
}: {
  server: FakeTokenServer;
  label?: string | undefined;
}) {
  const requests = useSyncExternalStore(server.subscribe, server.getRequests);
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} tabIndex={0} style={panel}>
      <h2 id={headingId} style={{ font: 'inherit', fontWeight: 700, margin: 0 }}>
        {label} ({requests.length} {requests.length === 1 ? 'request' : 'requests'})
      </h2>
      <ol aria-label={`${label} requests`} style={{ margin: 0, paddingLeft: 24 }}>
        {requests.map((request) => (
          <li key={request.id} data-outcome={request.outcome} data-reason={request.reason}>
            reason <strong>{request.reason}</strong>: {outcomeText[request.outcome]}
            {request.token && <span> token {shortToken(request.token)}</span>}
            {request.expiresAt && (
              <span>
                {' '}
                expires {new Date(request.expiresAt).toLocaleTimeString('en-CA', { hour12: false })}
              </span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
