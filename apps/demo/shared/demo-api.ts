/**
 * What the demo's browser code and its server agree on. Nothing secret lives here: this module is
 * bundled into the page.
 */

/** The routes the demo server answers besides the app itself. */
export const DEMO_API = {
  /** Mints one Flinks authorize token per request (`createAuthorizeTokenHandler`). */
  authorizeToken: '/api/flinks/authorize-token',
  /** Where Connect is served from, for this run: `GET`, answers {@link DemoConfig}. */
  config: '/api/demo/config',
  /** Simulator mode only: `POST` {@link FaultsRequest} to make token requests fail or lag. */
  faults: '/api/demo/faults',
} as const;

/** A login the sandbox bank accepts, shown on the page as a hint. */
export interface SandboxHint {
  institution: string;
  username: string;
  password: string;
  securityQuestion: string;
  securityAnswer: string;
}

/** Which Flinks the page talks to, as the server decided from its environment. */
export type DemoConfig =
  | {
      backend: 'simulator';
      /** The simulator's Connect page, on its own origin. */
      connectUrl: string;
      /** How long the simulator keeps an unused token valid. */
      tokenLifetimeMs: number;
      sandbox: SandboxHint;
    }
  | {
      backend: 'flinks';
      /** The Flinks instance, such as `toolbox`. */
      instance: string;
      /** Flinks' test bank logins work on the `toolbox` sandbox instance only. */
      sandbox: SandboxHint | null;
    };

/** The body of `POST /api/demo/faults`; omitted fields keep their value. */
export interface FaultsRequest {
  /** Fail this many of the next token requests (0 to 10). */
  failNextTokenRequests?: number;
  /** Delay every token request by this many milliseconds (0 to 20,000). */
  tokenLatencyMs?: number;
}

export const FAULT_LIMITS = { failNextTokenRequests: 10, tokenLatencyMs: 20_000 } as const;
