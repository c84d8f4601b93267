import { accountsDetail, accountsSummary, DEFAULT_FILTERS } from './data-accounts';
import type { DataLogin, DetailFilters } from './data-accounts';

export type DataKind = 'detail' | 'summary';

/** What one data call comes to, before it is put on the wire. */
export type DataOutcome =
  | { readonly type: 'unknown' }
  | { readonly type: 'not-started' }
  | { readonly type: 'pending' }
  | { readonly type: 'ready'; readonly body: Readonly<Record<string, unknown>> };

export type DeleteOutcome = 'deleted' | 'in-use' | 'unknown';

export interface DataJobsOptions {
  readonly now: () => number;
  /** 202 answers each job gives before its data is ready (counting the first POST's). */
  readonly pendingPolls: number;
  /** Whether jobs are held back (the `dataNeverReady` fault), read on every call. */
  readonly neverReady: () => boolean;
  /** Forgets the login at the bank, so /Authorize no longer knows its LoginId. `false` if unknown. */
  readonly deleteLogin: (loginId: string) => boolean;
  /** A GetAccountsDetail job finished: the webhook's moment. */
  readonly onDetailReady: (data: DataLogin, body: Readonly<Record<string, unknown>>) => void;
  readonly log: (line: string) => void;
}

export interface DataJobs {
  /** /Authorize answered 200 for this RequestId. `connect`: the Connect page logged in, so the detail job starts now. */
  authorized(data: DataLogin, connect: boolean): void;
  /** A data call: `filters` for the first POST of a kind, `undefined` for a poll of its Async twin. */
  call(kind: DataKind, requestId: string, filters: DetailFilters | undefined, isPoll: boolean): DataOutcome;
  deleteCard(loginId: string): DeleteOutcome;
}

/** FLINKS-DATA §5: "8 minutes of inactivity during authorization, or 30 minutes during data processing". */
const IDLE_MS = 8 * 60 * 1000;
const PROCESSING_MS = 30 * 60 * 1000;

interface Job {
  /** The filters of the first POST: the Async GET takes none of its own. */
  readonly filters: DetailFilters;
  pendingLeft: number;
  ready: boolean;
}

interface Session {
  readonly data: DataLogin;
  lastUsedAt: number;
  /** Set by the first data call: from then on the 30-minute window applies. */
  processingSince: number | undefined;
  readonly jobs: Map<DataKind, Job>;
}

/** Flinks' RequestIds after /Authorize: their expiry, their data jobs and the 202s those give. */
export function createDataJobs(options: DataJobsOptions): DataJobs {
  const { now, pendingPolls, neverReady, deleteLogin, onDetailReady, log } = options;
  const sessions = new Map<string, Session>();
  const short = (requestId: string): string => `request ${requestId.slice(0, 8)}`;

  const expired = (session: Session, time: number): boolean =>
    session.processingSince === undefined
      ? time - session.lastUsedAt >= IDLE_MS
      : time - session.processingSince >= PROCESSING_MS;

  const live = (requestId: string): Session | undefined => {
    const session = sessions.get(requestId);
    if (session === undefined || !expired(session, now())) return session;
    sessions.delete(requestId);
    log(
      `${short(requestId)} expired (${session.processingSince === undefined ? '8 minutes idle' : '30 minutes processing'})`,
    );
    return undefined;
  };

  const finish = (kind: DataKind, session: Session, job: Job): void => {
    job.ready = true;
    log(
      `${short(session.data.requestId)}: ${kind === 'detail' ? 'GetAccountsDetail' : 'GetAccountsSummary'} ready`,
    );
    if (kind === 'detail') onDetailReady(session.data, accountsDetail(session.data, job.filters, now()));
  };

  /** Moves a job one step: each call while pending is one of its 202s. */
  const advance = (kind: DataKind, session: Session, job: Job): boolean => {
    if (job.ready) return true;
    if (neverReady()) return false;
    if (job.pendingLeft === 0) {
      finish(kind, session, job);
      return true;
    }
    job.pendingLeft -= 1;
    if (job.pendingLeft === 0) finish(kind, session, job);
    return false;
  };

  return {
    authorized(data, connect) {
      const time = now();
      const existing = sessions.get(data.requestId);
      if (existing !== undefined) {
        existing.lastUsedAt = time;
        return;
      }
      const session: Session = { data, lastUsedAt: time, processingSince: undefined, jobs: new Map() };
      sessions.set(data.requestId, session);
      if (connect) {
        // Flinks starts GetAccountsDetail itself once Connect logs in (FLINKS-DATA §7, "Trigger").
        session.processingSince = time;
        const job: Job = { filters: DEFAULT_FILTERS, pendingLeft: 0, ready: false };
        session.jobs.set('detail', job);
        advance('detail', session, job);
      }
    },

    call(kind, requestId, filters, isPoll) {
      const session = live(requestId);
      if (session === undefined) return { type: 'unknown' };
      const time = now();
      session.lastUsedAt = time;
      let job = session.jobs.get(kind);
      if (job === undefined) {
        if (isPoll) return { type: 'not-started' };
        job = { filters: filters ?? DEFAULT_FILTERS, pendingLeft: pendingPolls, ready: false };
        session.jobs.set(kind, job);
        session.processingSince ??= time;
      }
      if (!advance(kind, session, job)) return { type: 'pending' };
      const body =
        kind === 'detail'
          ? accountsDetail(session.data, filters ?? job.filters, time)
          : accountsSummary(session.data);
      return { type: 'ready', body };
    },

    deleteCard(loginId) {
      const own = [...sessions.keys()].flatMap((requestId) => {
        const session = live(requestId);
        return session !== undefined && session.data.login.Id === loginId ? [session] : [];
      });
      if (own.some((session) => [...session.jobs.values()].some((job) => !job.ready))) return 'in-use';
      if (!deleteLogin(loginId)) return 'unknown';
      for (const session of own) sessions.delete(session.data.requestId);
      return 'deleted';
    },
  };
}
