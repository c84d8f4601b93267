/** A transaction as Flinks' GetAccountsDetail lists it (FLINKS-DATA §1.2). */
export interface FlinksTransaction {
  readonly Date: string;
  readonly Code: null;
  readonly Description: string;
  readonly Debit: number | null;
  readonly Credit: number | null;
  readonly Balance: number;
  readonly Id: string;
}

export type AccountKind = 'chequing' | 'savings' | 'credit';

interface Recurring {
  readonly description: string;
  readonly everyDays: number;
  readonly amount: number;
  readonly credit: boolean;
}

interface Occasional {
  readonly description: string;
  readonly probability: number;
  readonly min: number;
  readonly max: number;
}

interface Pattern {
  readonly recurring: readonly Recurring[];
  /** Debits on a random day (credits on a credit card are the payments, which recur). */
  readonly occasional: readonly Occasional[];
}

const PATTERNS: Readonly<Record<AccountKind, Pattern>> = {
  chequing: {
    recurring: [
      { description: 'PAYROLL - Maple Leaf Foods', everyDays: 14, amount: 2150, credit: true },
      { description: 'RENT - Interac e-Transfer', everyDays: 30, amount: 1450, credit: false },
      { description: 'HYDRO-QUEBEC', everyDays: 30, amount: 86.4, credit: false },
      { description: 'TRANSFER TO SAVINGS', everyDays: 14, amount: 250, credit: false },
    ],
    occasional: [
      { description: 'METRO #512 MONTREAL', probability: 0.25, min: 18, max: 140 },
      { description: 'TIM HORTONS #2231', probability: 0.3, min: 2.1, max: 14 },
      { description: 'STM OPUS RECHARGE', probability: 0.08, min: 11, max: 97 },
    ],
  },
  savings: {
    recurring: [
      { description: 'TRANSFER FROM CHEQUING', everyDays: 14, amount: 250, credit: true },
      { description: 'INTEREST', everyDays: 30, amount: 41.87, credit: true },
    ],
    occasional: [{ description: 'WITHDRAWAL - ONLINE TRANSFER', probability: 0.02, min: 100, max: 900 }],
  },
  credit: {
    recurring: [{ description: 'PAYMENT - THANK YOU', everyDays: 30, amount: 600, credit: true }],
    occasional: [
      { description: 'AMAZON.CA', probability: 0.12, min: 9, max: 180 },
      { description: 'SAQ #23045', probability: 0.06, min: 14, max: 75 },
      { description: 'UBER CANADA/UBERTRIP', probability: 0.1, min: 8, max: 42 },
    ],
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** Generated once for the longest window, so a 90-day view is exactly the start of the 365-day one. */
const HISTORY_DAYS = 365;

/** FNV-1a: a stable 32-bit seed from a string. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    value ^= text.charCodeAt(index);
    value = Math.imul(value, 0x01000193);
  }
  return value >>> 0;
}

/** mulberry32: small, fast and deterministic, which is all test data needs. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A GUID-shaped id that is the same for the same seed, so a transaction keeps its Id across calls. */
export function stableId(seed: string): string {
  const next = random(hash(seed));
  const hex = Array.from({ length: 4 }, () =>
    Math.floor(next() * 0x100000000)
      .toString(16)
      .padStart(8, '0'),
  ).join('');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `count` decimal digits that are the same for the same seed (a transit number). */
export function stableDigits(seed: string, count: number): string {
  const next = random(hash(seed));
  return Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
}

const cents = (value: number): number => Math.round(value * 100) / 100;

/**
 * The account's history, newest first, ending at `balance` today (so it matches what the Connect
 * page shows). The same login, account and day always give the same transactions.
 */
export function sandboxTransactions(
  seed: string,
  kind: AccountKind,
  balance: number,
  now: number,
  days: number,
): FlinksTransaction[] {
  const next = random(hash(seed));
  const pattern = PATTERNS[kind];
  // Recurring items land on a per-login day of their cycle, counted from a fixed epoch day.
  const offset = Math.floor(next() * 30);
  const today = Math.floor(now / DAY_MS);
  const moves: { day: number; description: string; amount: number; credit: boolean }[] = [];
  for (let back = 0; back < HISTORY_DAYS; back += 1) {
    const day = today - back;
    for (const item of pattern.recurring) {
      if ((day + offset) % item.everyDays === 0) moves.push({ day, ...item });
    }
    for (const item of pattern.occasional) {
      const roll = next();
      const amount = cents(item.min + next() * (item.max - item.min));
      if (roll < item.probability) moves.push({ day, description: item.description, amount, credit: false });
    }
  }

  const cutoff = today - days;
  const transactions: FlinksTransaction[] = [];
  let running = cents(balance);
  for (const [index, move] of moves.entries()) {
    if (move.day <= cutoff) break;
    const date = new Date(move.day * DAY_MS).toISOString().slice(0, 10);
    transactions.push({
      Date: date,
      Code: null,
      Description: move.description,
      Debit: move.credit ? null : move.amount,
      Credit: move.credit ? move.amount : null,
      Balance: running,
      Id: stableId(`${seed}:${date}:${index}`),
    });
    // Walking back in time: undo this transaction to get the balance before it.
    running = cents(move.credit ? running - move.amount : running + move.amount);
  }
  return transactions;
}
