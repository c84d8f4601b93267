import type { RedirectDetails } from '@flinks-embed/react';
import { useEffect, useState } from 'react';
import { Icon } from './icons';
import { Panel } from './Panel';

function CopyButton({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return undefined;
    const timer = setTimeout(() => setCopied(false), 1500);
    return () => clearTimeout(timer);
  }, [copied]);
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={copied ? `${label} copied` : `Copy ${label}`}
      title={copied ? 'Copied' : 'Copy'}
      onClick={() => {
        navigator.clipboard?.writeText(value).then(
          () => setCopied(true),
          () => {},
        );
      }}
    >
      <Icon name={copied ? 'check' : 'copy'} size={14} />
    </button>
  );
}

const FIELDS = ['loginId', 'institution', 'accountId', 'requestId'] as const;

export function ResultPanel({ result }: { result: RedirectDetails | null }) {
  return (
    <Panel id="result" title="Result" icon="flag">
      {result ? (
        <dl className="facts facts-stacked">
          {FIELDS.map((field) => {
            const value = result[field];
            return (
              <div className="fact" key={field}>
                <dt>{field}</dt>
                <dd className="mono" data-testid={`result-${field}`}>
                  {value ? (
                    <>
                      <span className="breakable">{value}</span>
                      <CopyButton value={value} label={field} />
                    </>
                  ) : (
                    '—'
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      ) : (
        <p className="empty" data-testid="result-empty">
          Nothing linked yet. Finish the flow in Connect: the <code>loginId</code> shows here, and your server
          uses it with <code>/Authorize</code> to fetch the accounts.
        </p>
      )}
    </Panel>
  );
}
