import {
  connectUrlForInstance,
  FLINKS_CODE_DEFINITIONS,
  STEP_DEFINITIONS,
  type FetchAuthorizeToken,
  type KnownFlinksCode,
  type KnownStep,
  type RedirectDetails,
  type TokenRequestReason,
} from '@flinks-embed/core';
import {
  errorMessage,
  happyPath,
  SANDBOX_INSTITUTION,
  type CompleteFlowOptions,
  type StepPayload,
} from './flow';
import { defaultAct } from './act';
import { watchLoads, type LoadRecord } from './load-watcher';
import { dispatchFrameMessage, tokenIn } from './frame-messages';
import { noFrameMessage, originOf } from './frame-search';
import {
  DEFAULT_FIND_TIMEOUT_MS,
  type ConnectKit,
  type ConnectKitOptions,
  type FrameTarget,
  type TokenRequest,
} from './kit-types';
import { stubTokenEndpoint } from './token-endpoint';
import { reusedTokensIn, tokenRuleProblems } from './token-rules';

export type { CompleteFlowOptions, StepPayload } from './flow';
export type { ConnectKit, ConnectKitOptions, ConnectLoad, FrameTarget, TokenRequest } from './kit-types';

/** A token that reads like Flinks' (a GUID), numbered so a test can tell them apart. */
const kitToken = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Plays the Connect frame for an app's unit tests (jsdom; Vitest or Jest: it imports neither). The app
 * renders its real component tree with the real `<FlinksConnect>`; the kit issues its tokens,
 * watches every iframe load, and posts Connect's events to the page as real `message` events
 * from the Connect origin and the iframe's own window, the only messages the component accepts.
 *
 * @example
 * const connect = createConnectKit({ tokenEndpoint: '/api/flinks/authorize-token' });
 * render(<LinkBankPage />);
 * await connect.findFrame();
 * connect.completeFlow({ loginId: 'login-1' });
 * expect(await screen.findByText('Bank linked')).toBeInTheDocument();
 * connect.verify();
 * connect.dispose();
 */
export function createConnectKit(options: ConnectKitOptions = {}): ConnectKit {
  const {
    instance = 'toolbox',
    connectUrl,
    tokenEndpoint,
    tokenLifetimeSeconds = 1800,
    act = defaultAct,
    findTimeoutMs = DEFAULT_FIND_TIMEOUT_MS,
  } = options;
  const origin = new URL(connectUrl ?? connectUrlForInstance(instance)).origin;
  const requests: TokenRequest[] = [];
  const issued = new Set<string>();
  let failing: { count: number; status: number } = { count: 0, status: 503 };
  let nextRequest = 0;

  function mint(via: TokenRequest['via'], reason?: TokenRequestReason): string | null {
    nextRequest += 1;
    if (failing.count > 0) {
      failing = { ...failing, count: failing.count - 1 };
      requests.push({ via, ...(reason && { reason }), token: null });
      return null;
    }
    const token = kitToken(nextRequest);
    issued.add(token);
    requests.push({ via, ...(reason && { reason }), token });
    return token;
  }

  const isConnectFrame = (node: Element): node is HTMLIFrameElement =>
    node.tagName === 'IFRAME' && originOf((node as HTMLIFrameElement).src) === origin;
  const { settle, lastLoad, disconnect } = watchLoads(isConnectFrame);

  const frames = (): HTMLIFrameElement[] =>
    [...document.querySelectorAll('iframe')].filter((iframe) => isConnectFrame(iframe));

  function theFrame(target?: FrameTarget): HTMLIFrameElement {
    if (target?.iframe) {
      if (!target.iframe.isConnected) {
        throw new Error('That Connect iframe is no longer on the page: the app replaced or removed it.');
      }
      return target.iframe;
    }
    const all = frames();
    if (all.length === 1) return all[0]!;
    throw new Error(
      all.length === 0
        ? noFrameMessage(origin, null, { tokenRequests: requests.length, tokenEndpoint })
        : `${all.length} Connect iframes are on the page: say which one with { iframe } (see kit.frames()).`,
    );
  }

  function frameWindow(iframe: HTMLIFrameElement): Window {
    const view = iframe.contentWindow;
    if (!view) {
      // happy-dom gives an iframe no window while its iframe page loading is off (its default).
      throw new Error(
        'The Connect iframe has no contentWindow, so no message can come from it. happy-dom gives iframes ' +
          'none while iframe page loading is disabled (its default): run these tests on jsdom.',
      );
    }
    return view;
  }

  function currentLoad(iframe: HTMLIFrameElement): LoadRecord | undefined {
    settle();
    return lastLoad(iframe);
  }

  function post(data: unknown, opts: FrameTarget & { origin?: string; source?: Window | null } = {}): void {
    const source = 'source' in opts ? opts.source : frameWindow(theFrame(opts));
    act(() => dispatchFrameMessage(data, opts.origin ?? origin, source ?? null));
  }

  function emit(step: KnownStep, payload: StepPayload = {}, target?: FrameTarget): void {
    // For JavaScript tests, which have no type check: a typo must not pass as an unknown step.
    if (!Object.hasOwn(STEP_DEFINITIONS, step)) {
      throw new Error(
        `"${String(step)}" is not a Connect step. Known steps: ${Object.keys(STEP_DEFINITIONS).join(', ')}.`,
      );
    }
    const iframe = theFrame(target);
    post({ ...payload, step }, { iframe });
    if (step === 'APP_MOUNTED') {
      const load = currentLoad(iframe);
      if (load) load.mounted = true;
    }
  }

  let nextRequestId = 0;
  const requestId = (): string => `00000000-0000-4000-9000-${String(++nextRequestId).padStart(12, '0')}`;

  function emitError(flinksCode: KnownFlinksCode, payload?: StepPayload, target?: FrameTarget): void {
    if (!Object.hasOwn(FLINKS_CODE_DEFINITIONS, flinksCode)) {
      throw new Error(
        `"${String(flinksCode)}" is not a Flinks error code. Known codes: ${Object.keys(FLINKS_CODE_DEFINITIONS).join(', ')}.`,
      );
    }
    post(errorMessage(flinksCode, requestId(), payload), { iframe: theFrame(target) });
  }

  function completeFlow({ iframe: given, ...flow }: CompleteFlowOptions & FrameTarget): RedirectDetails {
    const iframe = theFrame(given ? { iframe: given } : undefined);
    const query = new URL(iframe.src).searchParams;
    const options: Required<CompleteFlowOptions> = {
      institution: SANDBOX_INSTITUTION,
      requestId: requestId(),
      accountId: '00000000-0000-4000-a000-000000000001',
      consent: query.get('consentEnable') === 'true',
      mfa: true,
      ...flow,
    };
    if (!currentLoad(iframe)?.mounted) emit('APP_MOUNTED', {}, { iframe });
    const messages = happyPath(options, query.get('redirectUrl'));
    let previous = 'APP_MOUNTED';
    for (const message of messages) {
      // A step may make the app replace the iframe (a remount, a reload): the flow stops being this frame's.
      if (!iframe.isConnected) {
        throw new Error(`The app removed the Connect iframe during the flow, right after ${previous}.`);
      }
      post(message, { iframe });
      previous = message.step;
    }
    const redirect = messages.at(-1)!;
    const { loginId, institution, requestId: id, accountId } = options;
    return {
      loginId,
      institution,
      requestId: id,
      accountId,
      ...(typeof redirect.url === 'string' && { url: redirect.url }),
    };
  }

  const fetcher: FetchAuthorizeToken = async ({ reason }) => {
    const token = mint('fetcher', reason);
    if (token === null)
      throw new Error(`The token endpoint answered ${failing.status} (ConnectKit.failTokenRequests).`);
    return { token, expiresIn: tokenLifetimeSeconds };
  };

  const restoreFetch =
    tokenEndpoint === undefined
      ? () => {}
      : stubTokenEndpoint(tokenEndpoint, () => {
          const token = mint('endpoint');
          return token === null ? { failStatus: failing.status } : { token, expiresIn: tokenLifetimeSeconds };
        });

  function dispose(): void {
    disconnect();
    restoreFetch();
  }

  return {
    fetchAuthorizeToken: fetcher,
    origin,
    get tokenRequests() {
      return [...requests];
    },
    get loads() {
      return settle().map(({ iframe, src, token }) => ({ iframe, src, token }));
    },
    get tokensLoaded() {
      return settle().map((load) => load.token);
    },
    get reusedTokens() {
      return reusedTokensIn(settle());
    },
    get iframe() {
      return theFrame();
    },
    get src() {
      return theFrame().src;
    },
    get token() {
      const token = tokenIn(theFrame().src);
      if (token === null) throw new Error('The Connect iframe has no authorizeToken in its src.');
      return token;
    },
    frames,
    async findFrame() {
      // As Testing Library's waitFor does: the app's own updates while waiting happen outside act().
      const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean | undefined };
      const actEnvironment = scope.IS_REACT_ACT_ENVIRONMENT;
      scope.IS_REACT_ACT_ENVIRONMENT = false;
      try {
        const started = Date.now();
        for (;;) {
          const found = frames().filter((iframe) => tokenIn(iframe.src) !== null);
          if (found.length === 1) return found[0]!;
          if (Date.now() - started >= findTimeoutMs) {
            if (found.length > 1) return theFrame();
            throw new Error(
              noFrameMessage(origin, findTimeoutMs, { tokenRequests: requests.length, tokenEndpoint }),
            );
          }
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      } finally {
        scope.IS_REACT_ACT_ENVIRONMENT = actEnvironment;
      }
    },
    emit,
    emitError,
    post,
    completeFlow,
    failTokenRequests(count, status = 503) {
      failing = { count, status };
    },
    verify() {
      const problems = tokenRuleProblems(settle(), issued);
      if (problems.length) throw new Error(`Connect kit: ${problems.join(' ')}`);
    },
    dispose,
  };
}
