import type { IncomingMessage } from 'node:http';

/** Why the adapter, not the handler, answered. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 408 | 413,
    readonly code: 'request_timeout' | 'payload_too_large',
  ) {
    super(status === 413 ? 'Request body too large' : 'Request body too slow');
  }
}

interface LazyBody {
  readonly stream: ReadableStream<Uint8Array>;
  /** Set when the body was cut off (too large, too slow) while the handler read it. */
  readonly refused: BodyRefused | undefined;
  dispose(): void;
}

/**
 * The request body as a stream that reads the socket only when pulled, counting bytes. Until the
 * handler reads it, Node's own buffer (one chunk) is all that is held; then TCP pushes back.
 */
export function lazyBody(
  req: IncomingMessage,
  maxBodyBytes: number,
  bodyTimeoutMs: number,
): LazyBody | undefined {
  const method = req.method ?? 'GET';
  const declaresBody =
    Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
  // A body parser may have read the stream already; then there is nothing left to pass on.
  if (method === 'GET' || method === 'HEAD' || !declaresBody || req.readableEnded) return undefined;

  let received = 0;
  let pulled = false;
  let refused: BodyRefused | undefined;
  let chunks: AsyncIterator<Buffer> | undefined;
  let streamController: ReadableStreamDefaultController<Uint8Array> | undefined;

  const cutOff = (reason: BodyRefused): void => {
    if (refused !== undefined) return;
    refused = reason;
    streamController?.error(reason);
  };
  let late = false;
  const timer = setTimeout(() => {
    late = true;
    // A handler that reads later is cut off when it starts (see pull).
    if (!req.complete && pulled) cutOff(new BodyRefused(408, 'request_timeout'));
  }, bodyTimeoutMs);
  timer.unref?.();

  const stream = new ReadableStream<Uint8Array>(
    {
      start(controller) {
        streamController = controller;
      },
      async pull(controller) {
        pulled = true;
        if (late && !req.complete) {
          cutOff(new BodyRefused(408, 'request_timeout'));
          return;
        }
        if (req.complete && !req.readable) {
          controller.close();
          return;
        }
        chunks ??= (req as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
        const next = await chunks.next();
        if (refused !== undefined) return;
        if (next.done === true) {
          controller.close();
          return;
        }
        received += next.value.length;
        if (received > maxBodyBytes) {
          cutOff(new BodyRefused(413, 'payload_too_large'));
          return;
        }
        controller.enqueue(new Uint8Array(next.value));
      },
      cancel() {
        void chunks?.return?.();
      },
    },
    { highWaterMark: 0 },
  );

  return {
    stream,
    get refused() {
      return refused;
    },
    dispose() {
      clearTimeout(timer);
    },
  };
}
