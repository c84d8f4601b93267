import type { DataJobs } from './data-jobs';
import type { FaultState } from './faults';
import type { SandboxBank } from './sandbox-bank';
import type { TokenLedger } from './token-ledger';

/** What the data endpoints saw: counters a test asserts on, with no token, key or RequestId in them. */
export interface SimulatorDataStats {
  /** Calls to GetAccountsDetail, GetAccountsSummary, their Async polls and DeleteCard. */
  readonly requests: number;
  /** 202 answers (`OPERATION_PENDING` or `OPERATION_DISPATCHED`). */
  readonly pending: number;
  /** 200 answers with data. */
  readonly ready: number;
  /** Every other answer: Flinks errors, refused keys, wrong methods, simulated faults. */
  readonly errors: number;
  /** Async polls sent with POST (node-flinks does; Flinks documents GET). */
  readonly pollsWithPost: number;
  /** Calls that carried a `flinks-auth-key` header, which data endpoints do not take. */
  readonly withFlinksAuthKey: number;
  /** Calls that carried the secret key in any header (`flinks-auth-key`, `Authorization`, `x-api-key`). */
  readonly withSecretKey: number;
  /** Calls refused for a missing or wrong `x-api-key` (with the `apiKey` option). */
  readonly refusedApiKey: number;
}

export type DataStatsRecorder = { -readonly [K in keyof SimulatorDataStats]: SimulatorDataStats[K] };

/** What every route of one simulator instance shares. */
export interface SimulatorContext {
  readonly customerId: string;
  readonly secretKey: string;
  /** When set, data endpoints demand it in `x-api-key`. */
  readonly apiKey: string | undefined;
  /** The FlinksCode of the first POST's 202. */
  readonly pendingCode: 'OPERATION_PENDING' | 'OPERATION_DISPATCHED';
  readonly ledger: TokenLedger;
  readonly bank: SandboxBank;
  readonly data: DataJobs;
  readonly dataStats: DataStatsRecorder;
  readonly faults: FaultState;
  readonly log: (line: string) => void;
  /** Resolves `true` after `ms`, or `false` if the simulator closed first. */
  readonly sleep: (ms: number) => Promise<boolean>;
}
