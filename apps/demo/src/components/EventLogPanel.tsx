import { useLayoutEffect, useRef } from 'react';
import type { LogEntry } from '../event-log';
import { formatClock } from '../format';
import { Icon } from './icons';
import { Panel } from './Panel';

const SOURCE_LABEL: Record<LogEntry['source'], string> = { connect: 'Connect', token: 'Token', app: 'Page' };

export function EventLogPanel({
  entries,
  ignored,
  onClear,
}: {
  entries: LogEntry[];
  /** Messages from other windows that the component refused. */
  ignored: number;
  onClear: () => void;
}) {
  const list = useRef<HTMLDivElement>(null);
  const pinned = useRef(true);
  // Follow new entries while the reader is at the bottom; stay put while they scroll back.
  useLayoutEffect(() => {
    const node = list.current;
    if (node && pinned.current) node.scrollTop = node.scrollHeight;
  }, [entries]);

  return (
    <Panel
      id="event-log"
      title="Event log"
      icon="list"
      className="panel-log"
      actions={
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={onClear}
          disabled={!entries.length}
        >
          Clear
        </button>
      }
    >
      {entries.length ? (
        // The live region wraps a real list: role="log" on the <ol> itself would take its list
        // semantics away, leaving its <li>s outside any list for assistive technology.
        <div
          ref={list}
          className="log"
          role="log"
          aria-label="Events, oldest first"
          tabIndex={0}
          onScroll={(event) => {
            const node = event.currentTarget;
            pinned.current = node.scrollHeight - node.scrollTop - node.clientHeight < 24;
          }}
        >
          <ol className="log-list">
            {entries.map((entry) => (
              <li
                key={entry.id}
                className={`log-entry log-${entry.tone}`}
                data-source={entry.source}
                data-name={entry.name}
              >
                <time className="log-time" dateTime={new Date(entry.at).toISOString()}>
                  {formatClock(entry.at)}
                </time>
                <span className={`log-source log-source-${entry.source}`}>{SOURCE_LABEL[entry.source]}</span>
                <span className="log-body">
                  <span className="log-name">{entry.name}</span>
                  {entry.detail && <span className="log-detail">{entry.detail}</span>}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <p className="empty">Events from Connect and the token flow appear here as they happen.</p>
      )}
      <p className="log-footer">
        <Icon name="shield" size={14} />
        <span>
          <strong data-testid="ignored-messages">{ignored}</strong> {ignored === 1 ? 'message' : 'messages'}{' '}
          from other windows ignored (origin and source are checked)
        </span>
      </p>
    </Panel>
  );
}
