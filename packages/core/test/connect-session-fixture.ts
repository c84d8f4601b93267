// What the connect session's tests share: a session on a real (jsdom) iframe with a counting
// fetcher, a way to post messages as Connect does, and the page-wide cleanup. Importing it registers
// the hooks; `iframe`, `issued` and `requests` are live bindings, new for every test.
import { afterEach, beforeEach, vi } from 'vitest';
import {
  createConnectSession,
  type ConnectSession,
  type ConnectSessionHandlers,
  type ConnectSessionOptions,
  type TokenRequestContext,
} from '../src/index';

export const BASE = 'https://toolbox-iframe.private.fin.ag/v2/';
export const ORIGIN = 'https://toolbox-iframe.private.fin.ag';
export const MINUTE = 60_000;
export const flush = () => vi.advanceTimersByTimeAsync(0);

export let iframe: HTMLIFrameElement;
export let issued: string[];
export let requests: TokenRequestContext[];
// Started sessions are page-wide facts (a message without a source is attributed among them):
// every test disposes its own.
export const created: ConnectSession[] = [];

beforeEach(() => {
  vi.useFakeTimers();
  iframe = document.body.appendChild(document.createElement('iframe'));
  issued = [];
  requests = [];
});
afterEach(() => {
  created.splice(0).forEach((s) => s.dispose());
  iframe.remove();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

export function session(options: Partial<ConnectSessionOptions> = {}) {
  const handlers = {
    onEvent: vi.fn(),
    onRedirect: vi.fn(),
    onError: vi.fn(),
    onInvalidMessage: vi.fn(),
  } satisfies ConnectSessionHandlers;
  const s = createConnectSession({
    connectUrl: BASE,
    params: { demo: true },
    fetchAuthorizeToken: async (ctx) => {
      requests.push(ctx);
      const token = `token-${issued.length + 1}`;
      issued.push(token);
      return token;
    },
    getFrame: () => iframe.contentWindow,
    handlers,
    ...options,
  });
  created.push(s);
  return { s, handlers };
}

export const post = (
  data: unknown,
  { origin = ORIGIN, source = iframe.contentWindow as MessageEventSource | null } = {},
) => window.dispatchEvent(new MessageEvent('message', { data, origin, source }));
export const tokenIn = (src: string | null) => (src ? new URL(src).searchParams.get('authorizeToken') : null);
