import type { ConnectEvent, RedirectDetails } from './events';

/** Where a message must come from to be trusted: the iframe URL's origin and its window. */
export interface ConnectMessageSource {
  origin: string;
  /** The iframe's `contentWindow`. `null` (no iframe yet) makes no message the frame's own. */
  source: unknown;
}

type MessageLike = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

/**
 * Which window sent a message from the Connect origin:
 * - `frame`: the expected iframe window;
 * - `gone`: no window any more (`event.source === null`): the sending document navigated away or
 *   closed before the message was dispatched, as Connect's own frame does when it posts `REDIRECT`
 *   and navigates to `redirectUrl` at once while the host page is busy;
 * - `other`: another window on the Connect origin (a second iframe, a pop-up, an impostor tab).
 */
export type MessageSender = 'frame' | 'gone' | 'other';

export type ClassifiedMessage =
  /** From another origin: some other frame, window or extension. Ignore silently. */
  | { kind: 'foreign' }
  /** From the Connect origin, but not a payload we understand. */
  | { kind: 'invalid'; sender: MessageSender; data: unknown }
  | { kind: 'event'; sender: MessageSender; event: ConnectEvent };

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value !== '';

function payloadOf(data: unknown): Record<string, unknown> | null {
  if (typeof data === 'string') {
    try {
      data = JSON.parse(data);
    } catch {
      return null;
    }
  }
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : null;
}

/** The Connect event in a message's data (an object or its JSON text), or `null`. Never throws. */
export function readConnectEvent(raw: unknown): ConnectEvent | null {
  const data = payloadOf(raw);
  if (data && nonEmpty(data.flinksCode)) return { type: 'error', flinksCode: data.flinksCode, data };
  return data && nonEmpty(data.step) ? { type: 'step', step: data.step, data } : null;
}

/**
 * Which window sent a message from the Connect origin `from` (see `MessageSender`; `frame` is the
 * iframe's window), or `undefined` for a message from any other origin: the one sender rule, for
 * `classifyConnectMessage` and the session's message router.
 */
export const messageSender = (
  { origin, source }: MessageLike,
  from: string,
  frame: unknown,
): MessageSender | undefined =>
  origin !== from ? undefined : source == null ? 'gone' : source === frame ? 'frame' : 'other';

/**
 * Reads a message from the Connect origin and says which window sent it; messages from any other
 * origin are `foreign`. Deciding what to do with a `gone` or `other` sender is the caller's: a
 * Connect session accepts a `gone` one only when it is the one session on the page it can belong to.
 */
export function classifyConnectMessage(event: MessageLike, from: ConnectMessageSource): ClassifiedMessage {
  const sender = messageSender(event, from.origin, from.source);
  if (!sender) return { kind: 'foreign' };
  const parsed = readConnectEvent(event.data);
  return parsed ? { kind: 'event', sender, event: parsed } : { kind: 'invalid', sender, data: event.data };
}

/**
 * The typed Connect event in a `message` event, or `null` when it is not from the expected
 * origin *and* window or is not a Connect payload. Objects and JSON strings are both accepted.
 * Never throws. (Strict: a message whose sender is gone is refused here; `createConnectSession`
 * attributes those, see its docs.)
 */
export function parseConnectMessage(event: MessageLike, from: ConnectMessageSource): ConnectEvent | null {
  const result = classifyConnectMessage(event, from);
  return result.kind === 'event' && result.sender === 'frame' ? result.event : null;
}

const DETAIL_KEYS = ['loginId', 'institution', 'requestId', 'accountId', 'tag'] as const;

/** `text` as an http(s) URL, resolved against `base` when given; else `undefined`. */
export function webUrl(text: string, base?: string): URL | undefined {
  try {
    const url = new URL(text, base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

function details(
  fields: Record<string, unknown>,
  query: URLSearchParams | undefined,
  url: string | undefined,
): RedirectDetails | null {
  const found: Partial<RedirectDetails> = {};
  for (const key of DETAIL_KEYS) {
    const value = fields[key];
    const text = nonEmpty(value) ? value : typeof value === 'number' ? String(value) : query?.get(key);
    if (text) found[key] = text;
  }
  if (!found.loginId) return null;
  return { institution: '', ...found, ...(url && { url }) } as RedirectDetails;
}

/**
 * `loginId`, `institution` and friends from a `REDIRECT` event: each from the payload field, else
 * from the query of its `url`. `null` for other events or when no `loginId` can be found. The `url`
 * is handed on only when it is an absolute `http:` or `https:` URL: `javascript:`, `data:` and the
 * like never reach an app (see `hasUnsafeRedirectUrl`).
 */
export const redirectDetails = (event: ConnectEvent): RedirectDetails | null =>
  event.type === 'step' && event.step === 'REDIRECT' ? payloadDetails(event.data) : null;

/** `redirectDetails` of the payload of an event already known to be a `REDIRECT`. */
export function payloadDetails(data: Record<string, unknown>): RedirectDetails | null {
  const url = nonEmpty(data.url) ? data.url : undefined;
  // A relative url still has a query to read, but is not handed on.
  const query = url === undefined ? undefined : webUrl(url, 'https://redirect.invalid')?.searchParams;
  return details(data, query, url !== undefined && webUrl(url) ? url : undefined);
}

/** The event has a `url` that `redirectDetails` does not hand on: not an absolute http(s) URL. */
export const hasUnsafeRedirectUrl = (event: ConnectEvent): boolean =>
  nonEmpty(event.data.url) && !webUrl(event.data.url);

/**
 * The result of a Connect session from the URL Connect sent the browser to (`redirectUrl`, with
 * `loginId`, `institution` and, when used, `requestId`, `accountId` and `tag` in its query):
 * for the landing page when Connect navigates the whole page (no `innerRedirect`). `null` when the
 * URL has no `loginId` or is not an http(s) URL.
 *
 * Anyone can open that URL with any query: treat the `loginId` as a claim, and have your server
 * check it with Flinks (`/Authorize` with `mostRecentCached`) before trusting it.
 *
 * @example
 * const result = readConnectRedirect(window.location.href); // { loginId, institution, ... } | null
 */
export function readConnectRedirect(url: string | URL): RedirectDetails | null {
  const parsed = webUrl(String(url));
  return parsed ? urlDetails(parsed) : null;
}

/** `readConnectRedirect` for a URL already parsed. */
export const urlDetails = (url: URL): RedirectDetails | null => details({}, url.searchParams, url.href);
