import type { ErrorFallbackProps, FlinksConnectErrorCode } from '@flinks-embed/react';
import { Icon, Spinner } from './icons';

/** Shown while the page's server mints a token: the iframe cannot start without one. */
export function ConnectLoading() {
  return (
    <div className="connect-state" role="status" data-testid="connect-loading">
      <Spinner />
      <p className="connect-state-title">Preparing a secure connection…</p>
      <p className="connect-state-body">Getting a one-time authorization from Flinks.</p>
    </div>
  );
}

const COPY: Partial<Record<FlinksConnectErrorCode, { title: string; body: string }>> = {
  token_fetch_failed: {
    title: 'We couldn’t start a secure session',
    body: 'Our server could not get an authorization from Flinks. This is usually brief.',
  },
  token_fetch_timeout: {
    title: 'This is taking too long',
    body: 'Our server did not get an authorization from Flinks in time.',
  },
  iframe_load_timeout: {
    title: 'Flinks Connect didn’t load',
    body: 'Check your connection, then try again.',
  },
  token_rejected: {
    title: 'Your session expired',
    body: 'Start again to open a new secure session.',
  },
};

const FALLBACK_COPY = { title: 'Something went wrong', body: 'Your bank connection could not be loaded.' };

/** The component's error screen: what happened in plain words, a retry, and the details for developers. */
export function ConnectError({ error, retry }: ErrorFallbackProps) {
  const copy = COPY[error.code] ?? FALLBACK_COPY;
  return (
    <div
      className="connect-state connect-state-error"
      data-testid="connect-error"
      data-error-code={error.code}
    >
      <span className="connect-state-icon">
        <Icon name="alert" size={24} />
      </span>
      <div role="alert">
        <p className="connect-state-title">{copy.title}</p>
        <p className="connect-state-body">{copy.body}</p>
      </div>
      <button type="button" className="button button-primary" onClick={retry}>
        <Icon name="refresh" size={16} />
        Try again
      </button>
      <details className="connect-state-details">
        <summary>Details for developers</summary>
        <p>
          <code>{error.code}</code> {error.message}
        </p>
      </details>
    </div>
  );
}
