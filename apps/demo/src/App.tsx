import type { RedirectDetails } from '@flinks-embed/react';
import type { DemoConfig, FaultsRequest } from '../shared/demo-api';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { postFaults } from './api';
import { BankStep } from './components/BankStep';
import { ConnectLoading } from './components/ConnectFallbacks';
import { ControlsPanel } from './components/ControlsPanel';
import { EventLogPanel } from './components/EventLogPanel';
import { Icon } from './components/icons';
import { ResultPanel } from './components/ResultPanel';
import { ReviewStep } from './components/ReviewStep';
import { SandboxHint } from './components/SandboxHint';
import { SiteHeader } from './components/SiteHeader';
import { Stepper } from './components/Stepper';
import { TokenPanel } from './components/TokenPanel';
import { useEventLog } from './event-log';
import { useSettings, type DemoSettings } from './settings';
import { useTokenActivity } from './token-activity';
import { useDemoConfig } from './use-demo-config';
import { useIgnoredMessages } from './use-ignored-messages';

export function App() {
  const configState = useDemoConfig();
  const [settings, updateSettings] = useSettings();
  const [activity, track] = useTokenActivity();
  const { entries, log, clear } = useEventLog();
  const { ignored, taken } = useIgnoredMessages();
  const [mountKey, setMountKey] = useState(0);
  // Connect is on screen: the user pressed "Link your bank account", or Connect was remounted.
  const [opened, setOpened] = useState(false);
  const card = useRef<HTMLDivElement>(null);
  const [result, setResult] = useState<RedirectDetails | null>(null);
  const [faultsPending, setFaultsPending] = useState(false);
  // A new round asks the server for the accounts again (after a data fault is armed).
  const [reviewRound, setReviewRound] = useState(0);

  useEffect(() => {
    document.documentElement.dataset.theme = settings.theme;
  }, [settings.theme]);

  // The button that had focus is gone: keyboard and screen reader users land on Connect.
  useEffect(() => {
    if (opened && document.activeElement === document.body) card.current?.focus();
  }, [opened]);

  const remount = useCallback(() => {
    setMountKey((key) => key + 1);
    setOpened(true);
    setResult(null);
    track({ type: 'remount' });
    log({
      source: 'app',
      tone: 'neutral',
      name: 'Remounted <FlinksConnect>',
      detail: 'a new mount fetches a new token',
    });
  }, [log, track]);

  const changeSettings = (patch: Partial<DemoSettings>): void => {
    updateSettings(patch);
    const detail = Object.entries(patch)
      .map(([key, value]) => `${key}: ${value ?? 'as issued'}`)
      .join(' · ');
    log({ source: 'app', tone: 'neutral', name: 'Settings changed', detail });
  };

  const config = configState.status === 'ready' ? configState.config : null;

  /** Arms a simulator fault, says so in the log, then shows it (a remount, or the Review step again). */
  const armFault = async (faults: FaultsRequest, detail: string, then: () => void): Promise<void> => {
    setFaultsPending(true);
    try {
      await postFaults(faults);
      log({ source: 'app', tone: 'warning', name: 'Simulator faults on', detail });
      then();
    } catch (error) {
      log({ source: 'app', tone: 'danger', name: 'Could not switch faults', detail: String(error) });
    } finally {
      setFaultsPending(false);
    }
  };

  let connect: ReactNode;
  if (configState.status === 'loading') {
    connect = <ConnectLoading />;
  } else if (configState.status === 'error') {
    connect = (
      <div className="connect-state connect-state-error" role="alert">
        <p className="connect-state-title">The demo server did not answer</p>
        <p className="connect-state-body">{configState.message}</p>
        <button type="button" className="button button-primary" onClick={configState.retry}>
          Try again
        </button>
      </div>
    );
  } else {
    connect = (
      <BankStep
        key={mountKey}
        opened={opened}
        onOpen={() => setOpened(true)}
        config={configState.config}
        settings={settings}
        track={track}
        log={log}
        onMessageTaken={taken}
        onLinked={setResult}
      />
    );
  }

  return (
    <>
      <a className="skip-link" href="#connect">
        Skip to the bank connection
      </a>
      <SiteHeader state={configState} />
      <main className="layout">
        <section className="product" aria-labelledby="page-title">
          <Stepper linked={result !== null} />
          <h1 id="page-title">Connect a bank account</h1>
          <p className="lead">
            Link the account you’d like to use for deposits. You sign in with your bank through Flinks: Maple
            never sees your password.
          </p>
          {result && (
            <div className="success-banner" role="status" data-testid="success-banner">
              <Icon name="check" size={20} />
              <p>
                <strong>Bank account linked.</strong> Your deposits will go to the account you selected.
              </p>
            </div>
          )}
          {result && (
            <ReviewStep
              key={`${mountKey}:${reviewRound}:${result.loginId}`}
              request={{
                loginId: result.loginId,
                ...(result.accountId ? { accountId: result.accountId } : {}),
              }}
            />
          )}
          <div className="connect-card" id="connect" tabIndex={-1} ref={card}>
            {connect}
          </div>
          <p className="fine-print">
            <Icon name="lock" size={14} />
            Secured by Flinks. Your bank credentials are encrypted and never shared with Maple.
          </p>
          {config?.sandbox && settings.demo && <SandboxHint hint={config.sandbox} />}
        </section>
        <aside className="devtools" aria-labelledby="devtools-title">
          <h2 className="devtools-title" id="devtools-title">
            Under the hood
          </h2>
          <ControlsPanel
            settings={settings}
            onChange={changeSettings}
            issuedLifetimeSeconds={Math.round(issuedLifetimeMs(config) / 1000)}
            onRemount={remount}
            faults={
              config?.backend === 'simulator'
                ? {
                    onFail: () =>
                      void armFault({ failNextTokenRequests: 3 }, 'the next 3 token requests fail', remount),
                    onFailData: () =>
                      void armFault({ failNextDataCalls: 1 }, 'the next data call fails', () =>
                        setReviewRound((round) => round + 1),
                      ),
                    pending: faultsPending,
                  }
                : null
            }
          />
          <TokenPanel activity={activity} />
          <ResultPanel result={result} />
          <EventLogPanel entries={entries} ignored={ignored} onClear={clear} />
        </aside>
      </main>
    </>
  );
}

/** How long the server's tokens live: the simulator's setting, or Flinks' documented 30 minutes. */
function issuedLifetimeMs(config: DemoConfig | null): number {
  return Math.min(config?.backend === 'simulator' ? config.tokenLifetimeMs : Infinity, 30 * 60 * 1000);
}
