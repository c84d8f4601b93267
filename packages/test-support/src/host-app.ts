// A host app's server for the Chromium tests: the pages a test serves, the built files they load,
// and the app's token endpoint, made with @flinks-embed/server the way the README tells apps to,
// in front of the simulator.
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthorizeTokenHandler, createFlinksClient } from '@flinks-embed/server';
import { toNodeListener } from '@flinks-embed/server/node';

/** The Flinks API the token endpoint calls with the secret key: what the simulator hands out. */
export interface FlinksApi {
  readonly apiBaseUrl: string;
  readonly customerId: string;
  readonly secretKey: string;
}

export interface HostAppOptions {
  /** Mints the tokens; without it there is no token endpoint (a site that only serves pages). */
  flinks?: FlinksApi;
  /** The token endpoint's path. Default `/api/token`. */
  tokenPath?: string;
  /**
   * The interface to listen on and the host name in `origin`. Default `127.0.0.1` named
   * `localhost`: another site than the simulator's `127.0.0.1`, as an app and Flinks are.
   */
  address?: string;
  hostname?: string;
  /** Folders whose `.js` files are served under a path prefix, e.g. `{ '/element/': distDir }`. */
  scripts?: Readonly<Record<string, string>>;
}

export interface HostApp {
  /** `http://localhost:PORT` by default. */
  readonly origin: string;
  /** Serves `body` at `path`: an HTML page unless `type` says otherwise. */
  page(path: string, body: string, type?: string): void;
  /** What the token endpoint failed with (a FlinksApiError when the simulator was told to fail). */
  readonly failures: unknown[];
  /** Token requests the endpoint has received. */
  readonly tokenRequests: number;
  /** Starts counting token requests and failures from zero. */
  resetTokenRequests(): void;
  /** Holds token requests until the returned function is called. */
  holdTokens(): () => void;
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
const notFound = (res: ServerResponse): void => void res.writeHead(404).end('Not found');

export async function startHostApp({
  flinks,
  tokenPath = '/api/token',
  address = '127.0.0.1',
  hostname = 'localhost',
  scripts = {},
}: HostAppOptions = {}): Promise<HostApp> {
  const pages = new Map<string, { body: string; type: string }>();
  const failures: unknown[] = [];
  const tokenHandler =
    flinks &&
    toNodeListener(
      createAuthorizeTokenHandler(
        createFlinksClient({
          baseUrl: flinks.apiBaseUrl,
          customerId: flinks.customerId,
          secretKey: flinks.secretKey,
        }),
        // The failures are the ones a test asks the simulator for; the page reports them.
        { onError: (error) => failures.push(error) },
      ),
    );
  let tokenRequests = 0;
  let held: Promise<void> | undefined;

  const serveScript = (path: string, res: ServerResponse): void => {
    const [prefix, dir] = Object.entries(scripts).find(([prefix]) => path.startsWith(prefix)) ?? [];
    const file = prefix && path.slice(prefix.length);
    if (!dir || !file || !/^[\w.-]+\.js$/.test(file)) return notFound(res);
    readFile(dir + file).then(
      (code) => res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(code),
      () => notFound(res),
    );
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://host.invalid').pathname;
    if (tokenHandler && path === tokenPath) {
      tokenRequests++;
      void (held ?? Promise.resolve()).then(() => tokenHandler(req, res));
      return;
    }
    const page = pages.get(path);
    if (page) res.writeHead(200, { 'Content-Type': page.type }).end(page.body);
    else serveScript(path, res);
  });
  await new Promise<void>((resolve) => server.listen(0, address, resolve));

  return {
    origin: `http://${hostname}:${(server.address() as AddressInfo).port}`,
    page: (path, body, type = HTML) => void pages.set(path, { body, type }),
    failures,
    get tokenRequests() {
      return tokenRequests;
    },
    resetTokenRequests() {
      tokenRequests = 0;
      failures.length = 0;
    },
    holdTokens() {
      let release!: () => void;
      held = new Promise((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
