import { useCallback, useRef, useState } from 'react';
import {
  FlinksConnect,
  type ConnectEvent,
  type ConnectParams,
  type FlinksConnectError,
  type FlinksConnectOptions,
  type RedirectDetails,
} from '@flinks-embed/react';
import { connectPageUrl } from './connect-page-path';
import { createFakeTokenServer, type FakeTokenServerSettings } from './fake-token-server';
import { EventLog, TokenRequestLog, type LogEntry } from './logs';

/** The Connect look a story's controls set; sent as Flinks customization parameters. */
export interface AppearanceArgs {
  language: 'en' | 'fr';
  theme: 'light' | 'dark';
  /** A colour from the colour control (`#rrggbb`); sent to Flinks without `#`. Empty: Flinks' default. */
  backgroundColor: string;
  /** The accent colour, same format. */
  foregroundColor1: string;
  /** The consent screen first. */
  consentEnable: boolean;
}

/** The props a story passes through to `<FlinksConnect>` unchanged. */
export type PassThroughProps = Pick<
  FlinksConnectOptions,
  | 'title'
  | 'loadTimeoutMs'
  | 'mountTimeoutMs'
  | 'labels'
  | 'popupBlockedNotice'
  | 'onPopupBlocked'
  | 'onStatusChange'
  | 'tokenLifetimeMs'
  | 'refreshMarginMs'
  | 'fetchTimeoutMs'
  | 'retry'
  | 'loadingFallback'
  | 'errorFallback'
  | 'onEvent'
  | 'onRedirect'
  | 'onError'
>;

export type ConnectStageArgs = AppearanceArgs & FakeTokenServerSettings & PassThroughProps;

/** `#1F2937`, `1f2937` or `#abc` as Flinks wants it (`1f2937`); anything else is left out. */
export function flinksHex(colour: string): string | undefined {
  const match = /^#?((?:[0-9a-f]{3}){1,2})$/i.exec(colour.trim());
  return match?.[1]?.toLowerCase();
}

/** The Connect parameters a story sends: the sandbox bank, and the look from the controls. */
export function storyParams(args: AppearanceArgs): ConnectParams {
  return {
    demo: true,
    consentEnable: args.consentEnable,
    language: args.language,
    theme: args.theme,
    backgroundColor: flinksHex(args.backgroundColor),
    foregroundColor1: flinksHex(args.foregroundColor1),
  };
}

const describeEvent = (event: ConnectEvent): [string, string] => {
  const { step: _step, flinksCode: _code, ...rest } = event.data;
  const detail = Object.keys(rest).length ? JSON.stringify(rest) : '';
  return [event.type === 'step' ? event.step : event.flinksCode, detail];
};

/**
 * One `<FlinksConnect>` on the simulator's Connect page, fed by an in-browser token endpoint, with
 * the event log and the token requests under it. A change of the endpoint's controls starts over
 * (new endpoint, new component, empty logs), so a designer sees its effect at once; a change of
 * the look reloads Connect with a fresh token, as a real params change does.
 */
export function ConnectStage(props: ConnectStageArgs & { label?: string | undefined }) {
  const { latencyMs, failures, lifetimeSeconds } = props;
  return <StageRun key={JSON.stringify([latencyMs, failures, lifetimeSeconds])} {...props} />;
}

function StageRun({
  label,
  latencyMs,
  failures,
  lifetimeSeconds,
  language,
  theme,
  backgroundColor,
  foregroundColor1,
  consentEnable,
  onEvent,
  onRedirect,
  onError,
  ...connectProps
}: ConnectStageArgs & { label?: string | undefined }) {
  const [server] = useState(() => createFakeTokenServer({ latencyMs, failures, lifetimeSeconds }));
  const [entries, setEntries] = useState<readonly LogEntry[]>([]);
  const nextId = useRef(1);
  const log = useCallback((kind: LogEntry['kind'], name: string, detail: string) => {
    const id = nextId.current++;
    setEntries((previous) => [...previous, { id, kind, name, detail }]);
  }, []);
  return (
    <div>
      <FlinksConnect
        connectUrl={connectPageUrl()}
        // Inline on purpose: every log line re-renders the stage with a new fetcher and an equal
        // params object, and neither may fetch a token or reload Connect (the stories check it).
        fetchAuthorizeToken={(context) => server.fetchAuthorizeToken(context)}
        params={storyParams({ language, theme, backgroundColor, foregroundColor1, consentEnable })}
        onEvent={(event) => {
          log('event', ...describeEvent(event));
          onEvent?.(event);
        }}
        onRedirect={(details: RedirectDetails, event) => {
          log('redirect', 'onRedirect', `institution ${details.institution}, loginId ${details.loginId}`);
          onRedirect?.(details, event);
        }}
        onError={(error: FlinksConnectError) => {
          log('error', error.code, error.flinksCode ?? '');
          onError?.(error);
        }}
        {...connectProps}
      />
      <EventLog entries={entries} label={label ? `${label}: event log` : undefined} />
      <TokenRequestLog server={server} label={label ? `${label}: token endpoint` : undefined} />
    </div>
  );
}
