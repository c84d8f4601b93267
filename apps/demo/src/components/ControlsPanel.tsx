import { useId, type ReactNode } from 'react';
import { formatDuration } from '../format';
import { LIFETIME_PRESETS, type DemoSettings } from '../settings';
import { Icon } from './icons';
import { Panel } from './Panel';

function Segmented<T extends string>({
  legend,
  value,
  options,
  onChange,
}: {
  legend: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  const name = useId();
  return (
    <fieldset className="control">
      <legend className="control-label">{legend}</legend>
      <div className="segmented">
        {options.map((option) => (
          <label key={option.value} className="segmented-option">
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function Switch({
  label,
  hint,
  checked,
  onChange,
}: {
  label: string;
  hint: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hintId = useId();
  return (
    <label className="control control-switch">
      <span className="control-text">
        <span className="control-label">{label}</span>
        <span className="control-hint" id={hintId}>
          {hint}
        </span>
      </span>
      <input
        type="checkbox"
        role="switch"
        className="switch"
        checked={checked}
        aria-describedby={hintId}
        onChange={(event) => onChange(event.currentTarget.checked)}
      />
    </label>
  );
}

export function ControlsPanel({
  settings,
  onChange,
  issuedLifetimeSeconds,
  onRemount,
  faults,
}: {
  settings: DemoSettings;
  onChange: (patch: Partial<DemoSettings>) => void;
  /** How long the server's tokens live, for the "as issued" choice. */
  issuedLifetimeSeconds: number;
  onRemount: () => void;
  /** Simulator mode: arms failures of the next token requests or data call. `null` with real Flinks. */
  faults: { onFail: () => void; onFailData: () => void; pending: boolean } | null;
}) {
  const lifetimeId = useId();
  const lifetimes = [
    ...new Set<number>([...LIFETIME_PRESETS, ...(settings.tokenLifetime ? [settings.tokenLifetime] : [])]),
  ]
    .filter((seconds) => seconds < issuedLifetimeSeconds || seconds === settings.tokenLifetime)
    .sort((a, b) => b - a);
  return (
    <Panel id="controls" title="Controls" icon="sliders">
      <p className="panel-note">Every change reloads Connect with a fresh token.</p>
      <div className="controls-grid">
        <Segmented
          legend="Language"
          value={settings.language}
          options={[
            { value: 'en', label: 'English' },
            { value: 'fr', label: 'Français' },
          ]}
          onChange={(language) => onChange({ language })}
        />
        <Segmented
          legend="Theme"
          value={settings.theme}
          options={[
            { value: 'light', label: 'Light' },
            { value: 'dark', label: 'Dark' },
          ]}
          onChange={(theme) => onChange({ theme })}
        />
      </div>
      <Switch
        label="Test bank"
        hint={
          <>
            <code>demo</code>: lists Flinks Capital
          </>
        }
        checked={settings.demo}
        onChange={(demo) => onChange({ demo })}
      />
      <Switch
        label="Consent screen"
        hint={
          <>
            <code>consentEnable</code>: asks before the bank list
          </>
        }
        checked={settings.consent}
        onChange={(consent) => onChange({ consent })}
      />
      <div className="control">
        <label className="control-label" htmlFor={lifetimeId}>
          Token lifetime
        </label>
        <select
          id={lifetimeId}
          className="select"
          value={settings.tokenLifetime ?? ''}
          onChange={(event) => onChange({ tokenLifetime: Number(event.currentTarget.value) || null })}
        >
          <option value="">As issued ({formatDuration(issuedLifetimeSeconds)})</option>
          {lifetimes.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatDuration(seconds)}
            </option>
          ))}
        </select>
        <p className="control-hint">Shorter to watch an unused token get replaced before it expires.</p>
      </div>
      <div className="controls-actions">
        <button type="button" className="button button-secondary" onClick={onRemount}>
          <Icon name="refresh" size={16} />
          Remount Connect
        </button>
        {faults ? (
          <button
            type="button"
            className="button button-warning"
            onClick={faults.onFail}
            disabled={faults.pending}
          >
            <Icon name="bolt" size={16} />
            Fail next 3 token requests
          </button>
        ) : null}
        {faults ? (
          <button
            type="button"
            className="button button-warning"
            onClick={faults.onFailData}
            disabled={faults.pending}
          >
            <Icon name="bolt" size={16} />
            Fail the next data call
          </button>
        ) : null}
      </div>
      <p className="control-hint">
        {faults
          ? 'The simulator refuses the next three token requests; Connect is remounted so you can watch the retries, the error screen and the recovery. A failed data call (RETRY_LATER) shows the Review step’s error and Retry.'
          : 'Failing token requests on purpose needs the local simulator.'}
      </p>
    </Panel>
  );
}
