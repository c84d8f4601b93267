import type { IncomingMessage, ServerResponse } from 'node:http';
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

/**
 * Runs a fetch-style handler on Node's HTTP server:
 * `http.createServer(toNodeListener(handler))`, `app.post('/api/flinks/token', toNodeListener(handler))`
 * or `server.middlewares.use('/api/flinks/token', toNodeListener(handler))` in a Vite plugin.
 * The Request's signal aborts when the client goes away.
 */
export function toNodeListener(handler: FetchHandler): NodeListener {
  return (req, res, next) => {
    serve(handler, req, res).catch((error: unknown) => {
      if (next !== undefined) {
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

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const controller = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const response = await handler(await toRequest(req, controller.signal));

  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length > 0) headers['set-cookie'] = cookies;
  const body = response.body === null ? undefined : Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, headers);
  res.end(body);
}

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const encrypted = (req.socket as { encrypted?: boolean }).encrypted === true;
  // Express and Connect strip the mount path from req.url; originalUrl keeps it.
  const path = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '/';
  const url = new URL(path, `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`);

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name.startsWith(':')) continue; // HTTP/2 pseudo-headers are not headers.
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }

  const method = req.method ?? 'GET';
  // A body parser may have read the stream already; then there is nothing left to pass on.
  const hasBody = method !== 'GET' && method !== 'HEAD' && !req.readableEnded;
  const body = hasBody ? await readBody(req) : undefined;
  return new Request(url, {
    method,
    headers,
    signal,
    ...(body === undefined || body.length === 0 ? {} : { body }),
  });
}

async function readBody(req: IncomingMessage): Promise<Uint8Array<ArrayBuffer>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
