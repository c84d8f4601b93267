import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyRefused, lazyBody } from './node-body';
import type { FetchHandler } from './token-handler';

export type { FetchHandler };

/**
 * A `node:http` request listener that is also Express, Connect and Vite middleware: on an
 * unexpected error it calls `next(error)` when there is a `next`, else answers 500.
 */
export type NodeListener = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (error?: unknown) => void,
) => void;

export interface NodeListenerOptions {
  /**
   * The largest request body passed on to the handler, in bytes. Default: the handler's own
   * `maxBodyBytes` (the webhook handler's, 1 MiB), else 16,384: the token endpoint reads no body. A larger declared `Content-Length` is refused with 413 before
   * the handler runs and before any body byte is read; a larger streamed body, when the handler
   * reads it, gets 413 too. Either way the connection is closed, not drained.
   */
  readonly maxBodyBytes?: number;
  /**
   * How long a body the handler reads may take to arrive, in milliseconds from the request's start.
   * Default 10,000; a body that trickles in slower is cut off with 408.
   */
  readonly bodyTimeoutMs?: number;
}

/**
 * Runs a fetch-style handler on Node's HTTP server:
 * `http.createServer(toNodeListener(handler))`, `app.post('/api/flinks/token', toNodeListener(handler))`
 * or `server.middlewares.use('/api/flinks/token', toNodeListener(handler))` in a Vite plugin.
 * The Request's signal aborts when the client goes away.
 *
 * The handler decides (method, origin, `allowRequest`) before any body byte is read: the body is
 * read from the socket only when the handler reads `request.body`, at most `maxBodyBytes` of it
 * and within `bodyTimeoutMs`, so whatever a client sends, memory stays bounded.
 */
export function toNodeListener(handler: FetchHandler, options: NodeListenerOptions = {}): NodeListener {
  // A handler that reads bodies (the webhook handler) says how large; the token endpoint reads none.
  const ownLimit = (handler as { maxBodyBytes?: unknown }).maxBodyBytes;
  const maxBodyBytes = limit(
    'maxBodyBytes',
    options.maxBodyBytes,
    typeof ownLimit === 'number' ? ownLimit : 16_384,
  );
  const bodyTimeoutMs = limit('bodyTimeoutMs', options.bodyTimeoutMs, 10_000);
  return (req, res, next) => {
    // Reading nothing, before any body byte is parsed, marks the request as consumed: Node then
    // never drains an unread body by itself (all 64 MB of it). Until the handler reads the body,
    // Node's own buffer (one high-water mark) fills and TCP makes the client wait.
    req.read(0);
    serve(handler, req, res, maxBodyBytes, bodyTimeoutMs).catch((error: unknown) => {
      if (error instanceof BodyRefused) {
        refuse(req, res, error);
      } else if (next !== undefined) {
        next(error);
      } else if (!res.headersSent) {
        res.writeHead(500, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        });
        res.end('{"error":"internal_error"}');
      } else {
        res.destroy();
      }
    });
  };
}

function limit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!(typeof value === 'number' && Number.isFinite(value) && value >= 0)) {
    throw new TypeError(`toNodeListener: ${name} must be a number, 0 or more; got ${String(value)}.`);
  }
  return value;
}

/** Answers for the adapter and closes the connection: the rest of the body is never read. */
function refuse(req: IncomingMessage, res: ServerResponse, error: BodyRefused): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  };
  closeUnread(req, res, headers);
  res.writeHead(error.status, headers);
  res.end(JSON.stringify({ error: error.code }));
}

/** How long a connection whose body was not read stays open after the answer, at most. */
const LINGER_MS = 2_000;

/**
 * For an answer sent before the whole body arrived: `Connection: close`, and the rest of the body
 * is left unread, where Node would drain it to keep the connection alive.
 * The socket is not reset right after the answer either: a client still uploading would get a
 * reset instead of the answer. It is paused and closed when the client closes, or after LINGER_MS.
 */
function closeUnread(
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string | string[]>,
  small?: { readonly maxBodyBytes: number; readonly bodyTimeoutMs: number },
): void {
  const declared = Number(req.headers['content-length']);
  if (req.complete || (small !== undefined && declared <= small.maxBodyBytes)) {
    // All of it arrived, or the rest is declared and within the limit (a `{}` still on its way):
    // drain it after the answer and keep the connection, unless the rest never comes.
    res.once('finish', () => {
      req.resume();
      if (req.complete || small === undefined) return;
      const timer = setTimeout(() => req.socket.destroy(), small.bodyTimeoutMs);
      timer.unref?.();
      req.once('end', () => clearTimeout(timer));
    });
    return;
  }
  headers.connection = 'close';
  res.shouldKeepAlive = false;
  const socket = req.socket;
  res.once('finish', () => {
    // Node ends the socket after a `Connection: close` answer and destroys it once ended, which
    // resets a connection that still has unread bytes. End it, keep it, destroy it later.
    socket.removeListener('finish', socket.destroy);
    if (socket.destroyed) return;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref?.();
    socket.once('close', () => clearTimeout(timer));
  });
}

async function serve(
  handler: FetchHandler,
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes: number,
  bodyTimeoutMs: number,
): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBodyBytes) throw new BodyRefused(413, 'payload_too_large');

  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const body = lazyBody(req, maxBodyBytes, bodyTimeoutMs);
  try {
    const response = await handler(toRequest(req, controller.signal, body?.stream));
    // A handler that read a body cut short answered about input it did not get.
    if (body?.refused !== undefined) throw body.refused;

    const headers: Record<string, string | string[]> = {};
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') headers[name] = value;
    });
    const cookies = response.headers.getSetCookie?.() ?? [];
    if (cookies.length > 0) headers['set-cookie'] = cookies;
    const responseBody = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
    // The handler answered without the rest of the body: close rather than drain a large one.
    closeUnread(req, res, headers, { maxBodyBytes, bodyTimeoutMs });
    res.writeHead(response.status, headers);
    res.end(responseBody);
  } catch (error) {
    throw body?.refused ?? error;
  } finally {
    body?.dispose();
  }
}

const HOST = /^(?:[a-z0-9._~-]+|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/i;

/**
 * The Request's URL is the deployment's origin (`Host` and the socket's scheme) plus the request
 * target's path and query. The target never picks the host: `//evil.example/x`, `\\evil.example`
 * and absolute-form targets (`http://evil.example/x`) all stay on this server.
 */
function requestUrl(req: IncomingMessage): URL {
  const encrypted = (req.socket as { encrypted?: boolean } | null)?.encrypted === true;
  const hostHeader = req.headers.host ?? (req.headers as Record<string, unknown>)[':authority'];
  const host = typeof hostHeader === 'string' && HOST.test(hostHeader) ? hostHeader : 'localhost';
  // Express and Connect strip the mount path from req.url; originalUrl keeps it.
  let target = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) {
    try {
      const absolute = new URL(target);
      target = `${absolute.pathname}${absolute.search}`;
    } catch {
      target = '/';
    }
  }
  if (!target.startsWith('/')) target = `/${target}`;
  try {
    return new URL(`${encrypted ? 'https' : 'http'}://${host}${target}`);
  } catch {
    return new URL(`${encrypted ? 'https' : 'http'}://${host}/`);
  }
}

function toRequest(
  req: IncomingMessage,
  signal: AbortSignal,
  body: ReadableStream<Uint8Array> | undefined,
): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue; // HTTP/2 pseudo-headers are not headers.
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  return new Request(requestUrl(req), {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit);
}
