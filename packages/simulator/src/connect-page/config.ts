import type { ConnectPageFaults } from '../faults';
import type { SandboxBankData } from '../sandbox-bank';
import type { SandboxAccount, SandboxInstitution, SandboxLanguage } from '../sandbox-data';
import type { PageLoadVerdict } from '../token-ledger';
import type { ConnectStrings } from './strings';

/** What the page was told about its token: the server's verdict, or `unchecked` on the static page. */
export type TokenCheck = PageLoadVerdict | 'unchecked';

/** Everything the page's program needs, embedded in the page as JSON. Never contains a token. */
export interface ConnectPageConfig {
  readonly mode: 'server' | 'static';
  readonly tokenCheck: TokenCheck;
  /** Where the served page redeems its token; `null` on the static page. */
  readonly authorizePath: string | null;
  /** The sandbox bank's rules for the static page, which logs in without a server; `null` when served. */
  readonly bank: SandboxBankData | null;
  readonly institutions: readonly SandboxInstitution[];
  readonly accounts: readonly SandboxAccount[];
  readonly strings: Readonly<Record<SandboxLanguage, ConnectStrings>>;
  /** Switched on with `setFaults`; never on the static page. */
  readonly faults: ConnectPageFaults;
}

/** The id of the page's JSON element holding the `ConnectPageConfig`. */
export const CONFIG_ELEMENT_ID = 'flinks-connect-config';
