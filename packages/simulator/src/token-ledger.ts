import { randomUUID } from 'node:crypto';

/** Why a token was refused. `unknown` also covers a request that carried no token at all. */
export type TokenRejection = 'unknown' | 'expired' | 'reused';

/** What the Connect page is told about the token it was loaded with. */
export type PageLoadVerdict = 'ok' | 'missing' | TokenRejection;

export interface SimulatorStats {
  /** Tokens minted by GenerateAuthorizeToken. */
  readonly tokensIssued: number;
  /**
   * Connect page loads (`GET /v2/?authorizeToken=…`) per token, keyed by issue order: `'#1'` is
   * the first token minted. Keyed by position, never by the token, so stats are safe to log;
   * `loadsOf(token)` looks one token up. Every minted token is listed, with 0 if never loaded.
   */
  readonly loadsPerToken: Readonly<Record<string, number>>;
  /** Tokens spent on /Authorize (the Connect page spends its token when credentials are submitted). */
  readonly redeemed: number;
  /** Refusals by kind, counted on every endpoint (page loads and /Authorize alike). */
  readonly rejected: {
    /** GenerateAuthorizeToken called with a wrong or missing secret key (or another customerId). */
    readonly badSecret: number;
    /** A token the simulator never issued, or none at all. */
    readonly unknown: number;
    /** A token used after its lifetime without having been redeemed. */
    readonly expired: number;
    /** A token already redeemed, or loaded a second time (see `rejectReusedTokens`). */
    readonly reused: number;
  };
}

export type AuthorizeAccess =
  { readonly ok: true; readonly fresh: boolean } | { readonly ok: false; readonly reason: TokenRejection };

export interface TokenLedgerOptions {
  readonly now: () => number;
  readonly lifetimeMs: number;
  readonly rejectReusedTokens: boolean;
}

export interface TokenLedger {
  issue(): { readonly token: string; readonly label: string };
  recordPageLoad(token: string | undefined): PageLoadVerdict;
  /**
   * A token opens one /Authorize session. Later calls of that same session (same `RequestId`) may
   * carry it again: the Connect page has no other credential for a retry or an MFA answer.
   */
  checkAuthorize(token: string | undefined, requestId: string | undefined): AuthorizeAccess;
  redeem(token: string, requestId: string): void;
  recordBadSecret(): void;
  /** `token #3` for the third token issued: what logs say instead of the token. */
  labelOf(token: string | undefined): string;
  loadsOf(token: string): number;
  stats(): SimulatorStats;
}

interface TokenEntry {
  readonly label: string;
  readonly expiresAt: number;
  loads: number;
  /** The session this token opened on /Authorize; set once it is redeemed. */
  redeemedFor: string | undefined;
}

export function createTokenLedger({ now, lifetimeMs, rejectReusedTokens }: TokenLedgerOptions): TokenLedger {
  const entries = new Map<string, TokenEntry>();
  const rejected = { badSecret: 0, unknown: 0, expired: 0, reused: 0 };
  let redeemed = 0;

  const reject = (reason: TokenRejection): { ok: false; reason: TokenRejection } => {
    rejected[reason] += 1;
    return { ok: false, reason };
  };

  return {
    issue() {
      const token = randomUUID();
      const label = `#${entries.size + 1}`;
      entries.set(token, { label, expiresAt: now() + lifetimeMs, loads: 0, redeemedFor: undefined });
      return { token, label };
    },

    recordPageLoad(token) {
      if (token === undefined || token === '') {
        rejected.unknown += 1;
        return 'missing';
      }
      const entry = entries.get(token);
      if (entry === undefined) return reject('unknown').reason;
      entry.loads += 1;
      if (entry.redeemedFor !== undefined || (rejectReusedTokens && entry.loads > 1))
        return reject('reused').reason;
      if (now() >= entry.expiresAt) return reject('expired').reason;
      return 'ok';
    },

    checkAuthorize(token, requestId) {
      const entry = token === undefined ? undefined : entries.get(token);
      if (entry === undefined) return reject('unknown');
      if (entry.redeemedFor !== undefined) {
        return requestId !== undefined && entry.redeemedFor === requestId
          ? { ok: true, fresh: false }
          : reject('reused');
      }
      if (now() >= entry.expiresAt) return reject('expired');
      return { ok: true, fresh: true };
    },

    redeem(token, requestId) {
      const entry = entries.get(token);
      if (entry === undefined || entry.redeemedFor !== undefined) return;
      entry.redeemedFor = requestId;
      redeemed += 1;
    },

    recordBadSecret() {
      rejected.badSecret += 1;
    },

    labelOf(token) {
      const label = token === undefined ? undefined : entries.get(token)?.label;
      return label === undefined ? 'an unknown token' : `token ${label}`;
    },

    loadsOf(token) {
      return entries.get(token)?.loads ?? 0;
    },

    stats() {
      const loadsPerToken: Record<string, number> = {};
      for (const entry of entries.values()) loadsPerToken[entry.label] = entry.loads;
      return { tokensIssued: entries.size, loadsPerToken, redeemed, rejected: { ...rejected } };
    },
  };
}
