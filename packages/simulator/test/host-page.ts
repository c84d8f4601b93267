import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';

/**
 * A stand-in for the app that embeds Connect: one page with a message listener that records what
 * it receives, with the checks a careful host makes (origin, and whether the source is the iframe).
 * Its icon is inline, so the browser never asks for /favicon.ico (a 404 in the console).
 */
const HOST_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Host app</title><link rel="icon" href="data:,"></head>
<body>
<script>
  window.received = [];
  window.openConnect = (src, sandbox) => {
    document.getElementById('connect')?.remove();
    const frame = document.createElement('iframe');
    frame.id = 'connect';
    frame.title = 'Connect your bank account';
    frame.width = '480';
    frame.height = '760';
    if (sandbox) frame.setAttribute('sandbox', sandbox);
    frame.src = src;
    document.body.append(frame);
  };
  window.addEventListener('message', (event) => {
    const frame = document.getElementById('connect');
    window.received.push({
      origin: event.origin,
      fromFrame: frame !== null && event.source === frame.contentWindow,
      data: event.data,
    });
  });
</script>
</body>
</html>`;

export interface ReceivedMessage {
  readonly origin: string;
  readonly fromFrame: boolean;
  readonly data: unknown;
}

export interface StaticServer {
  /** Origin of the server, e.g. `http://localhost:41234`. */
  readonly origin: string;
  close(): Promise<void>;
}

/** Serves fixed HTML documents by path over node:http; `hostname` names it in its origin. */
export async function serveHtml(
  pages: Record<string, string>,
  hostname = '127.0.0.1',
): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    const html = pages[path];
    res.writeHead(html === undefined ? 404 : 200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://${hostname}:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The host app on `http://localhost:PORT`: another origin (and site) than the simulator's 127.0.0.1. */
export function serveHostApp(): Promise<StaticServer> {
  return serveHtml(
    {
      '/': HOST_HTML,
      '/done': '<!doctype html><title>Done</title><link rel="icon" href="data:,"><p>Back in the app.</p>',
    },
    'localhost',
  );
}

export async function openConnect(page: Page, src: string, sandbox?: string): Promise<void> {
  await page.evaluate(([url, attribute]) => window.openConnect(url, attribute), [src, sandbox] as const);
}

export function received(page: Page): Promise<ReceivedMessage[]> {
  return page.evaluate(() => window.received);
}

/** Each message as an object, whether it was posted as one or as a JSON string (stringify=true). */
export async function events(page: Page): Promise<Record<string, unknown>[]> {
  return (await received(page)).map(({ data }) =>
    typeof data === 'string'
      ? (JSON.parse(data) as Record<string, unknown>)
      : (data as Record<string, unknown>),
  );
}

/** The event sequence in one line per event: the step, or `flinksCode:CODE`. */
export async function sequence(page: Page): Promise<string[]> {
  return (await events(page)).map((event) =>
    typeof event.step === 'string' ? event.step : `flinksCode:${String(event.flinksCode)}`,
  );
}

declare global {
  interface Window {
    received: ReceivedMessage[];
    openConnect(src: string, sandbox?: string): void;
  }
}
