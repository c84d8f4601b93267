import type { DemoConfigState } from '../use-demo-config';

function ModeBadge({ state }: { state: DemoConfigState }) {
  if (state.status !== 'ready') return null;
  const { config } = state;
  return config.backend === 'simulator' ? (
    <p
      className="mode-badge mode-simulator"
      data-testid="mode"
      data-mode="simulator"
      title="Tokens come from the local Flinks simulator. Set FLINKS_INSTANCE, FLINKS_CUSTOMER_ID and FLINKS_SECRET_KEY to use real Flinks."
    >
      <span className="mode-dot" aria-hidden="true" />
      Simulator
    </p>
  ) : (
    <p
      className="mode-badge mode-flinks"
      data-testid="mode"
      data-mode="flinks"
      title="Tokens come from real Flinks, with the credentials in the server's environment."
    >
      <span className="mode-dot" aria-hidden="true" />
      Flinks · <span className="mode-instance">{config.instance}</span>
    </p>
  );
}

export function SiteHeader({ state }: { state: DemoConfigState }) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a className="brand" href="/" aria-label="Maple, home">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="8" />
            <path d="M16 6l2.6 5.4 5.9-.9-3.4 4.9 3.4 4.9-5.9-.9L16 24.8l-2.6-5.4-5.9.9 3.4-4.9-3.4-4.9 5.9.9z" />
          </svg>
          <span className="brand-name">Maple</span>
        </a>
        <div className="site-header-meta">
          <span className="site-header-note">flinks-embed demo</span>
          <ModeBadge state={state} />
        </div>
      </div>
    </header>
  );
}
