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
  /** Simulator mode only: `POST` {@link FaultsRequest} to make token requests fail or lag, or data calls fail. */
  faults: '/api/demo/faults',
  /**
   * After Connect: `POST` {@link AccountsRequest} starts a data job on the server and answers `202`
   * `{ jobId }`; `GET {accounts}/{jobId}` answers its {@link AccountsJob}. The RequestId, the secret
   * and the API key stay on the server; the page holds only the job's opaque id.
   */
  accounts: '/api/demo/accounts',
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
  /** Answer this many of the next Flinks data calls with `RETRY_LATER` (0 to 10). */
  failNextDataCalls?: number;
}

export const FAULT_LIMITS = {
  failNextTokenRequests: 10,
  tokenLatencyMs: 20_000,
  failNextDataCalls: 10,
} as const;

/** The body of `POST /api/demo/accounts`: what Connect's `onRedirect` gave the page. */
export interface AccountsRequest {
  loginId: string;
  /** The account the user picked in Connect, marked on the Review step. */
  accountId?: string;
}

/** A transaction as the page shows it: a signed amount (negative is money out). */
export interface RecentTransaction {
  id: string;
  date: string | null;
  description: string | null;
  amount: number | null;
}

/** One linked account as the page may see it: the number masked, never whole. */
export interface LinkedAccount {
  id: string;
  title: string;
  /** The last four digits only, such as `4021`; `null` when Flinks gave none. */
  lastFour: string | null;
  type: string | null;
  currency: string | null;
  balance: { available: number | null; current: number | null };
  /** The newest few, newest first. */
  recentTransactions: RecentTransaction[];
  /** The account the user picked in Connect. */
  selected: boolean;
}

export interface LinkedAccounts {
  institution: string | null;
  accounts: LinkedAccount[];
}

/** What `GET /api/demo/accounts/{jobId}` answers. */
export type AccountsJob =
  | {
      status: 'pending';
      /** Requests made to Flinks so far; each 202 adds one. */
      attempt: number;
      /** When to ask again, in milliseconds. */
      pollAfterMs: number;
    }
  | { status: 'done'; data: LinkedAccounts }
  | { status: 'failed'; error: { code: string; message: string } };
