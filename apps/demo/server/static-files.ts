import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

async function fileAt(file: string): Promise<{ file: string; size: number } | null> {
  try {
    const info = await stat(file);
    return info.isFile() ? { file, size: info.size } : null;
  } catch {
    return null;
  }
}

/**
 * Serves the built client from `dir`: hashed files under `/assets/` cached for a year, everything
 * else revalidated, and `index.html` for any other page path (the app has one page). Paths cannot
 * leave `dir`.
 */
export function createStaticHandler(
  dir: string,
  headersFor: (contentType: string) => Record<string, string>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const root = path.resolve(dir);
  return async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://demo.invalid').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const requested = path.resolve(root, `.${pathname}`);
    const inside = requested === root || requested.startsWith(root + path.sep);
    const found =
      (inside && (await fileAt(requested))) ||
      // A page path (no file extension) gets the app; a missing file is a 404.
      (path.extname(pathname) === '' ? await fileAt(path.join(root, 'index.html')) : null);
    if (!found) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const type = TYPES[path.extname(found.file)] ?? 'application/octet-stream';
    const hashed = path.relative(root, found.file).startsWith(`assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': found.size,
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headersFor(type),
    });
    if (req.method === 'HEAD') res.end();
    else createReadStream(found.file).pipe(res);
  };
}
