import type { ConnectEvent, RedirectDetails } from './events';

/** Where a message must come from to be trusted: the iframe URL's origin and its window. */
export interface ConnectMessageSource {
  origin: string;
  /** The iframe's `contentWindow`. `null` (no iframe yet) accepts nothing. */
  source: unknown;
}

type MessageLike = Pick<MessageEvent, 'origin' | 'source' | 'data'>;

export type ClassifiedMessage =
  /** Not from our iframe: some other frame, window or extension. Ignore silently. */
  | { kind: 'foreign' }
  /** From our iframe, but not a payload we understand. */
  | { kind: 'invalid'; data: unknown }
  | { kind: 'event'; event: ConnectEvent };

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

/** Like `parseConnectMessage`, but tells a malformed message from our iframe apart from a foreign one. */
export function classifyConnectMessage(event: MessageLike, from: ConnectMessageSource): ClassifiedMessage {
  if (from.source == null || event.source !== from.source || event.origin !== from.origin) {
    return { kind: 'foreign' };
  }
  const data = payloadOf(event.data);
  if (data && nonEmpty(data.flinksCode)) {
    return { kind: 'event', event: { type: 'error', flinksCode: data.flinksCode, data } };
  }
  if (data && nonEmpty(data.step)) return { kind: 'event', event: { type: 'step', step: data.step, data } };
  return { kind: 'invalid', data: event.data };
}

/**
 * The typed Connect event in a `message` event, or `null` when it is not from the expected
 * origin and window or is not a Connect payload. Objects and JSON strings are both accepted.
 * Never throws.
 */
export function parseConnectMessage(event: MessageLike, from: ConnectMessageSource): ConnectEvent | null {
  const result = classifyConnectMessage(event, from);
  return result.kind === 'event' ? result.event : null;
}

/**
 * `loginId`, `institution` and friends from a `REDIRECT` event: each from the payload field, else
 * from the query of its `url`. `null` for other events or when no `loginId` can be found.
 */
export function redirectDetails(event: ConnectEvent): RedirectDetails | null {
  if (event.type !== 'step' || event.step !== 'REDIRECT') return null;
  const { data } = event;
  const url = nonEmpty(data.url) ? data.url : undefined;
  let query: URLSearchParams | undefined;
  try {
    query = new URL(url ?? '', 'https://redirect.invalid').searchParams;
  } catch {
    // A broken url: the payload fields may still have it all.
  }
  const details: Partial<RedirectDetails> = {};
  for (const key of ['loginId', 'institution', 'requestId', 'accountId', 'tag'] as const) {
    const value = data[key];
    const text = nonEmpty(value) ? value : typeof value === 'number' ? String(value) : query?.get(key);
    if (text) details[key] = text;
  }
  if (!details.loginId) return null;
  return { institution: '', ...details, ...(url && { url }) } as RedirectDetails;
}
