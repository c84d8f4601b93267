import type { FaultState } from './faults';
import type { SandboxBank } from './sandbox-bank';
import type { TokenLedger } from './token-ledger';

/** What every route of one simulator instance shares. */
export interface SimulatorContext {
  readonly customerId: string;
  readonly secretKey: string;
  readonly ledger: TokenLedger;
  readonly bank: SandboxBank;
  readonly faults: FaultState;
  readonly log: (line: string) => void;
  /** Resolves `true` after `ms`, or `false` if the simulator closed first. */
  readonly sleep: (ms: number) => Promise<boolean>;
}
