import { formatCountdown } from '../format';
import type { PrefetchState, TokenActivity, TokenPhase } from '../token-activity';
import { useNow } from '../use-now';
import { Panel } from './Panel';

const PHASES: Record<TokenPhase, { label: string; tone: 'neutral' | 'busy' | 'good' | 'info' | 'bad' }> = {
  idle: { label: 'Waiting', tone: 'neutral' },
  requesting: { label: 'Requesting', tone: 'busy' },
  prefetched: { label: 'Prefetched · not loaded', tone: 'info' },
  retrying: { label: 'Retrying', tone: 'busy' },
  loading: { label: 'Loading Connect', tone: 'busy' },
  ready: { label: 'Ready · unused', tone: 'good' },
  'in-use': { label: 'In use', tone: 'info' },
  linked: { label: 'Redeemed', tone: 'good' },
  failed: { label: 'Failed', tone: 'bad' },
};

const FIRST_TOKEN: Record<PrefetchState, string> = {
  none: 'Fetched at mount',
  requested: 'Prefetching…',
  waiting: 'Prefetched, waiting for Connect',
  used: 'Prefetched, loaded once',
  dropped: 'Prefetch dropped, fetched at mount',
};

function refreshText(activity: TokenActivity, now: number): string {
  if (activity.phase === 'in-use') return 'Off: the user is mid-session';
  if (activity.phase === 'linked') return 'Off: the token is spent';
  if (activity.refreshAt === null || activity.phase === 'failed') return '—';
  return activity.refreshAt > now ? `in ${formatCountdown(activity.refreshAt - now)}` : 'now';
}

export function TokenPanel({ activity }: { activity: TokenActivity }) {
  const now = useNow(activity.phase === 'linked' ? null : activity.expiresAt);
  const phase = PHASES[activity.phase];
  const expired = activity.expiresAt !== null && activity.expiresAt <= now;
  const status = activity.phase === 'retrying' ? `${phase.label} (try ${activity.attempt})` : phase.label;
  return (
    <Panel
      id="token"
      title="Authorize token"
      icon="key"
      actions={
        <span className={`pill pill-${phase.tone}`} data-testid="token-status" data-phase={activity.phase}>
          {status}
        </span>
      }
    >
      <dl className="facts">
        <div className="fact">
          <dt>Expires in</dt>
          <dd className="mono" data-testid="token-expires">
            {activity.expiresAt === null || activity.phase === 'linked'
              ? '—'
              : expired
                ? 'expired'
                : formatCountdown(activity.expiresAt - now)}
          </dd>
        </div>
        <div className="fact">
          <dt>Auto-refresh</dt>
          <dd data-testid="token-refresh">{refreshText(activity, now)}</dd>
        </div>
        <div className="fact">
          <dt>First token</dt>
          <dd data-testid="token-prefetch" data-prefetch={activity.prefetch}>
            {activity.prefetch === 'none' && activity.phase === 'idle' ? '—' : FIRST_TOKEN[activity.prefetch]}
          </dd>
        </div>
        <div className="fact">
          <dt>Tokens used</dt>
          <dd className="mono" data-testid="tokens-used">
            {activity.tokensUsed}
          </dd>
        </div>
      </dl>
      <p className="panel-note">
        Single-use and short-lived: each iframe load gets its own token from this page’s server, and an unused
        one is replaced shortly before it expires. The first one is requested as soon as you point at or focus
        “Link your bank account”, and used for the first load only.
      </p>
    </Panel>
  );
}
