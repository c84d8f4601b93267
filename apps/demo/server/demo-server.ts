import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FlinksSimulator, SimulatorOptions } from '@flinks-embed/simulator';
import type { ViteDevServer } from 'vite';
import type { DemoConfig } from '../shared/demo-api';
import { createApi, type ApiHandler } from './api';
import { startBackend, type Backend } from './backend';
import { securityHeaders } from './security-headers';
import { createStaticHandler } from './static-files';

export interface DemoServerOptions {
  /** `dev`: Vite serves the app with hot reload (the workspace packages from their sources). `production`: the built app, no Vite. */
  mode: 'dev' | 'production';
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default `localhost`, loopback only. The simulator binds 127.0.0.1, another origin. */
  host?: string;
  /** Where `FLINKS_INSTANCE`, `FLINKS_CUSTOMER_ID` and `FLINKS_SECRET_KEY` are read. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /** Options for the simulator, in simulator mode (e.g. `tokenLifetimeMs`, `now`, `log`). */
  simulator?: SimulatorOptions;
  /** The demo app's folder. Default: found from this file. */
  root?: string;
  /** The built client, in production mode. Default `<root>/dist/client`. */
  clientDir?: string;
  /**
   * Dev mode: watch files and hot-reload the page (default `true`). Tests turn it off, so an edit
   * elsewhere in the workspace cannot remount the component mid-test.
   */
  hotReload?: boolean;
  /** Receives one line per notable server event (token endpoint failures). Default: none. */
  log?: (line: string) => void;
}

export interface DemoServer {
  /** The page, e.g. `http://localhost:5173/`. */
  url: string;
  mode: DemoServerOptions['mode'];
  /** What the page is told: simulator or real Flinks, and where Connect is served from. */
  config: DemoConfig;
  /** The running simulator, or `null` with real Flinks. */
  simulator: FlinksSimulator | null;
  close(): Promise<void>;
}

/** The folder holding this app's package.json, from this file in `server/` or bundled in `dist/server/`. */
export function findAppRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'vite.config.ts'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the demo app folder (the one with vite.config.ts).');
    dir = parent;
  }
  return dir;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * The demo: the app, the token endpoint (`POST /api/flinks/authorize-token`) and the simulator (or
 * real Flinks, when the environment has credentials), on one port.
 */
export async function startDemoServer(options: DemoServerOptions): Promise<DemoServer> {
  const {
    mode,
    port = 0,
    host = 'localhost',
    env = process.env,
    root = findAppRoot(),
    hotReload = true,
    log = () => {},
  } = options;
  const clientDir = options.clientDir ?? path.join(root, 'dist', 'client');
  if (mode === 'production' && !existsSync(path.join(clientDir, 'index.html'))) {
    throw new Error(`No built app in ${clientDir}. Run \`pnpm --filter demo build\` first.`);
  }

  // Listen first: a busy port fails fast, before the simulator and Vite are started for nothing.
  let app: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => {
    if (app) app(req, res);
    else res.writeHead(503, { 'Retry-After': '1' }).end();
  });
  const actualPort = await listen(server, port, host);

  let backend: Backend | undefined;
  let api: ApiHandler | undefined;
  let vite: ViteDevServer | undefined;
  const closeAll = async (): Promise<void> => {
    await vite?.close();
    api?.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
    await backend?.simulator?.close();
  };

  try {
    backend = await startBackend(env, options.simulator);
    const connectOrigin =
      backend.config.backend === 'simulator'
        ? new URL(backend.config.connectUrl).origin
        : `https://${backend.config.instance}-iframe.private.fin.ag`;
    api = createApi(backend, log);
    const handleApi = api;
    let serveApp: (req: IncomingMessage, res: ServerResponse) => void;
    if (mode === 'dev') {
      // Imported here so the production server never loads Vite.
      const { createServer: createViteServer } = await import('vite');
      vite = await createViteServer({
        root,
        configFile: path.join(root, 'vite.config.ts'),
        appType: 'spa',
        server: {
          middlewareMode: true,
          // Vite's socket shares this server's port, so several demos (or a demo and the tests) can run at once.
          ws: { server },
          ...(hotReload ? {} : { hmr: false, watch: null }),
        },
        logLevel: 'warn',
      });
      serveApp = vite.middlewares;
    } else {
      const serveStatic = createStaticHandler(clientDir, (type) => securityHeaders(connectOrigin, type));
      serveApp = (req, res) => {
        serveStatic(req, res).catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy();
        });
      };
    }
    app = (req, res) => {
      if (!handleApi(req, res)) serveApp(req, res);
    };
    const urlHost = host.includes(':') ? `[${host}]` : host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${urlHost}:${actualPort}/`,
      mode,
      config: backend.config,
      simulator: backend.simulator,
      close: () => (closing ??= closeAll()),
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
