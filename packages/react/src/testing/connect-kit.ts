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
import * as React from 'react';
import { dispatchFrameMessage, tokenIn } from './frame-messages';
import {
  errorMessage,
  happyPath,
  SANDBOX_INSTITUTION,
  type CompleteFlowOptions,
  type StepPayload,
} from './flow';

export type { CompleteFlowOptions, StepPayload } from './flow';

export interface ConnectKitOptions {
  /** The Flinks instance the app embeds (default `toolbox`); sets the origin the kit posts from. */
  instance?: string;
  /** Or the Connect URL the app passes as `connectUrl`; its origin is the one the kit posts from. */
  connectUrl?: string;
  /**
   * The app's own token endpoint. While the kit is active, a `fetch` to this URL (resolved
   * against the page) is answered with `{ token, expiresIn }` and a fresh single-use token;
   * every other request goes to the real `fetch`.
   */
  tokenEndpoint?: string;
  /** The `expiresIn` the kit's tokens carry, in seconds. Default 1,800 (Flinks' 30 minutes). */
  tokenLifetimeSeconds?: number;
  /**
   * Wraps each message the kit posts, so React applies the state updates it causes before `emit`
   * returns. Default: React's `act` (React 18.3+ and 19). On React 18.0-18.2 pass the `act` of
   * `react-dom/test-utils` or of `@testing-library/react`.
   */
  act?: (callback: () => void) => void;
  /** How long `findFrame` waits for a Connect iframe (real timers). Default 5,000 ms. */
  findTimeoutMs?: number;
}

/** Which Connect iframe a message comes from, when the page has several. Default: the only one. */
export interface FrameTarget {
  iframe?: HTMLIFrameElement;
}

/** One iframe load the kit saw: the element, its `src` and the token in it. */
export interface ConnectLoad {
  readonly iframe: HTMLIFrameElement;
  readonly src: string;
  /** The `authorizeToken` in `src` (`null`: the app loaded Connect without a token). */
  readonly token: string | null;
}

/** A token request the kit answered: through `fetchAuthorizeToken` (with its reason) or the endpoint. */
export interface TokenRequest {
  readonly via: 'fetcher' | 'endpoint';
  readonly reason?: TokenRequestReason;
  /** The token the kit answered with, or `null` when the request was failed on purpose. */
  readonly token: string | null;
}

export interface ConnectKit {
  /** A fetcher issuing single-use tokens, for apps that take one as a prop. */
  readonly fetchAuthorizeToken: FetchAuthorizeToken;
  /** The Connect origin the kit posts from. */
  readonly origin: string;
  /** Every token request the kit answered, oldest first. */
  readonly tokenRequests: readonly TokenRequest[];
  /** Every Connect iframe load the app made, oldest first. */
  readonly loads: readonly ConnectLoad[];
  /** The token of every load, oldest first: a token listed twice was loaded twice. */
  readonly tokensLoaded: readonly (string | null)[];
  /** Tokens the app loaded into more than one iframe load (Flinks refuses the second). */
  readonly reusedTokens: readonly string[];
  /** The Connect iframe on the page (throws when there is none or several: pass `{ iframe }` then). */
  readonly iframe: HTMLIFrameElement;
  /** That iframe's `src`. */
  readonly src: string;
  /** The `authorizeToken` in that `src`. */
  readonly token: string;
  /** Every Connect iframe on the page now. */
  frames(): HTMLIFrameElement[];
  /** Waits (with real timers) until a Connect iframe with a token is on the page, and returns it. */
  findFrame(): Promise<HTMLIFrameElement>;
  /** Posts a step event from the Connect frame: `emit('APP_MOUNTED')`, `emit('INSTITUTION_SELECTED', { institution })`. */
  emit(step: KnownStep, payload?: StepPayload, target?: FrameTarget): void;
  /** Posts an error-code event from the Connect frame: `emitError('INVALID_LOGIN')`. */
  emitError(flinksCode: KnownFlinksCode, payload?: StepPayload, target?: FrameTarget): void;
  /**
   * Posts anything as a `message` event on the page: by default from the Connect origin and the
   * iframe's window, as Connect would; `origin` and `source` let a test play an impostor.
   */
  post(data: unknown, options?: FrameTarget & { origin?: string; source?: Window | null }): void;
  /**
   * The documented happy path, from `APP_MOUNTED` (unless already posted for this load) to
   * `REDIRECT` with `loginId`. Returns what `onRedirect` should receive.
   */
  completeFlow(options: CompleteFlowOptions & FrameTarget): RedirectDetails;
  /** Makes the next `count` token requests fail (the endpoint answers `status`, the fetcher rejects). */
  failTokenRequests(count: number, status?: number): void;
  /** Throws when the app broke a token rule: a token loaded twice, or a token the kit never issued. */
  verify(): void;
  /** Stops watching the page and restores `fetch`. */
  dispose(): void;
}

interface LoadRecord extends ConnectLoad {
  mounted: boolean;
}

/** What `act` looks like on `react` (React 18.3+ and 19; older versions have it in react-dom/test-utils). */
const reactAct = (React as unknown as { act?: (callback: () => void) => void }).act;

/**
 * React's `act`, with the act environment on for its duration (as Testing Library's own `act`
 * does), so the state updates a message causes are applied before `emit` returns.
 */
function defaultAct(callback: () => void): void {
  if (!reactAct) return callback();
  const scope = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean | undefined };
  const previous = scope.IS_REACT_ACT_ENVIRONMENT;
  scope.IS_REACT_ACT_ENVIRONMENT = true;
  try {
    reactAct(callback);
  } finally {
    scope.IS_REACT_ACT_ENVIRONMENT = previous;
  }
}

const originOf = (src: string): string | null => {
  try {
    return new URL(src, document.baseURI).origin;
  } catch {
    return null;
  }
};

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
    findTimeoutMs = 5000,
  } = options;
  const origin = new URL(connectUrl ?? connectUrlForInstance(instance)).origin;
  const requests: TokenRequest[] = [];
  const issued = new Set<string>();
  const loads: LoadRecord[] = [];
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

  function record(iframe: HTMLIFrameElement): void {
    const last = lastLoad(iframe);
    if (last && last.src === iframe.src) return;
    loads.push({ iframe, src: iframe.src, token: tokenIn(iframe.src), mounted: false });
  }

  function lastLoad(iframe: HTMLIFrameElement): LoadRecord | undefined {
    for (let i = loads.length - 1; i >= 0; i--) if (loads[i]!.iframe === iframe) return loads[i];
    return undefined;
  }

  function scan(root: ParentNode): void {
    if (root instanceof Element && isConnectFrame(root)) record(root);
    root.querySelectorAll('iframe').forEach((iframe) => isConnectFrame(iframe) && record(iframe));
  }

  const observer = new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'attributes') {
        const target = mutation.target as Element;
        if (isConnectFrame(target)) record(target);
      } else {
        mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['src'] });
  scan(document);

  /** Loads the observer has seen but not yet reported (its callback runs as a microtask). */
  function settle(): LoadRecord[] {
    const pending = observer.takeRecords();
    if (pending.length) {
      for (const mutation of pending) {
        if (mutation.type === 'attributes') {
          const target = mutation.target as Element;
          if (isConnectFrame(target)) record(target);
        } else mutation.addedNodes.forEach((node) => node instanceof Element && scan(node));
      }
    }
    return loads;
  }

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
        ? `No Connect iframe (src on ${origin}) is on the page yet. Await kit.findFrame() first, or advance ` +
            'your fake timers: the component fetches its token one task after mounting.'
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

  const realFetch = globalThis.fetch as typeof fetch | undefined;
  if (tokenEndpoint !== undefined) {
    const endpoint = new URL(tokenEndpoint, document.baseURI);
    const matches = (input: unknown): boolean => {
      const text = input instanceof Request ? input.url : String(input);
      const url = new URL(text, document.baseURI);
      return url.origin === endpoint.origin && url.pathname === endpoint.pathname;
    };
    globalThis.fetch = async (input, init) => {
      if (!matches(input)) {
        if (!realFetch)
          throw new Error(`fetch is not defined in this environment (request to ${String(input)}).`);
        return realFetch(input, init);
      }
      if (init?.signal?.aborted) throw init.signal.reason;
      const token = mint('endpoint');
      return jsonResponse(
        token === null ? failing.status : 200,
        token === null ? { error: 'unavailable' } : { token, expiresIn: tokenLifetimeSeconds },
      );
    };
  }

  function dispose(): void {
    observer.disconnect();
    if (tokenEndpoint !== undefined) globalThis.fetch = realFetch!;
  }

  function reusedTokens(): string[] {
    const seen = new Map<string, number>();
    for (const { token } of settle()) if (token !== null) seen.set(token, (seen.get(token) ?? 0) + 1);
    return [...seen].filter(([, count]) => count > 1).map(([token]) => token);
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
      return reusedTokens();
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
          if (Date.now() - started > findTimeoutMs) return theFrame();
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
      const problems: string[] = [];
      const all = settle();
      const position = (token: string) =>
        all.flatMap((load, index) => (load.token === token ? [index + 1] : [])).join(' and ');
      for (const token of reusedTokens()) {
        problems.push(
          `one authorize token went into iframe loads ${position(token)}: Flinks tokens are single-use, so ` +
            'Connect refuses the second load. Fetch a fresh token for every load (FlinksConnect does; ' +
            'check for an app-side token cache or a hard-coded src).',
        );
      }
      if (issued.size > 0) {
        all.forEach((load, index) => {
          if (load.token !== null && !issued.has(load.token)) {
            problems.push(`iframe load ${index + 1} carries a token this kit never issued.`);
          }
        });
      }
      all.forEach((load, index) => {
        if (load.token === null) problems.push(`iframe load ${index + 1} has no authorizeToken.`);
      });
      if (problems.length) throw new Error(`Connect kit: ${problems.join(' ')}`);
    },
    dispose,
  };
}

/** A JSON response, also where the environment has no `Response` (Jest's jsdom). */
function jsonResponse(status: number, body: unknown): Response {
  const text = JSON.stringify(body);
  if (typeof Response === 'function') {
    return new Response(text, {
      status,
      headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
    });
  }
  return {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => (name.toLowerCase() === 'content-type' ? 'application/json' : null) },
    json: async () => JSON.parse(text) as unknown,
    text: async () => text,
  } as unknown as Response;
}
