/** Failures a test can switch on, to exercise a client's retry and timeout paths. */
export interface SimulatorFaults {
  /** Delay every GenerateAuthorizeToken answer by this many milliseconds. 0 turns it off. */
  readonly tokenLatencyMs?: number;
  /** Fail this many of the next GenerateAuthorizeToken requests (replaces any count still pending). */
  readonly failNextTokenRequests?: number;
  /** The HTTP status of those failures, 400 to 599. Default 500. */
  readonly tokenErrorStatus?: number;
  /** The Connect page loads and shows itself but never posts a message, not even APP_MOUNTED. */
  readonly connectPageSilent?: boolean;
  /**
   * At the end the Connect page posts REDIRECT and navigates its own frame at once, with or
   * without `innerRedirect`: to `redirectUrl`, or to the simulator's own `/redirect` page without
   * one. A host page that is busy then gets the message after the frame has gone
   * (`event.source === null`).
   */
  readonly navigateFrameOnRedirect?: boolean;
  /**
   * The OAuth institution's sign-in pop-up is blocked, as a browser blocks one that does not
   * follow a click (or an in-app browser blocks them all): `window.open` gives `null`, and the
   * page posts `POPUP_BLOCKED`.
   */
  readonly blockPopups?: boolean;
  /**
   * The next data calls (`GetAccountsDetail`, `GetAccountsSummary` and their `Async` polls) fail
   * with this Flinks error, as Flinks answers it: `SESSION_NONEXISTENT` (400), `RETRY_LATER`
   * (401) or `AGGREGATION_ERROR` (500). A failed call does not move its job on. Replaces any
   * failure still pending; `count: 0` clears it.
   */
  readonly dataFailure?: DataFailure;
  /** Data jobs never finish: every data call answers 202 until this is switched off again. */
  readonly dataNeverReady?: boolean;
}

/** A Flinks error the data endpoints can be told to answer. */
export type DataFailureCode = 'SESSION_NONEXISTENT' | 'RETRY_LATER' | 'AGGREGATION_ERROR';

export interface DataFailure {
  readonly code: DataFailureCode;
  /** How many calls fail. Default 1. */
  readonly count?: number;
  /**
   * `'poll'`: only the `Async` polls fail, so a failure armed before the flow hits it mid-polling
   * (after the first 202). Default `'any'`: the next data calls, whatever they are.
   */
  readonly on?: 'any' | 'poll';
}

/** The faults the Connect page itself acts on, embedded in the page it serves. */
export interface ConnectPageFaults {
  readonly silent: boolean;
  readonly navigateFrameOnRedirect: boolean;
  readonly blockPopups?: boolean;
}

export interface FaultState {
  set(faults: SimulatorFaults): void;
  readonly tokenLatencyMs: number;
  readonly connectPage: ConnectPageFaults;
  /** The status to fail this token request with, if a failure is pending (and counts it down). */
  takeTokenFailure(): number | undefined;
  readonly dataNeverReady: boolean;
  /** The error to answer this data call with, if one is pending (and counts it down). */
  takeDataFailure(isPoll: boolean): DataFailureCode | undefined;
}

const DATA_FAILURE_CODES: readonly DataFailureCode[] = [
  'SESSION_NONEXISTENT',
  'RETRY_LATER',
  'AGGREGATION_ERROR',
];

function checkDataFailure(failure: DataFailure): Required<DataFailure> {
  const { code, count = 1, on = 'any' } = failure;
  if (!DATA_FAILURE_CODES.includes(code)) {
    throw new TypeError(
      `setFaults: dataFailure.code must be one of ${DATA_FAILURE_CODES.join(', ')}, got ${String(code)}.`,
    );
  }
  if (!(Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`setFaults: dataFailure.count must be a whole number >= 0, got ${count}.`);
  }
  if (on !== 'any' && on !== 'poll') {
    throw new TypeError(`setFaults: dataFailure.on must be 'any' or 'poll', got ${String(on)}.`);
  }
  return { code, count, on };
}

export function createFaultState(): FaultState {
  let tokenLatencyMs = 0;
  let failuresLeft = 0;
  let tokenErrorStatus = 500;
  let connectPage: ConnectPageFaults = { silent: false, navigateFrameOnRedirect: false };
  let dataFailure: Required<DataFailure> | undefined;
  let dataNeverReady = false;

  return {
    set(faults) {
      const { tokenLatencyMs: latency, failNextTokenRequests: failures, tokenErrorStatus: status } = faults;
      if (latency !== undefined && !(Number.isFinite(latency) && latency >= 0)) {
        throw new RangeError(
          `setFaults: tokenLatencyMs must be a number of milliseconds >= 0, got ${latency}.`,
        );
      }
      if (failures !== undefined && !(Number.isInteger(failures) && failures >= 0)) {
        throw new RangeError(
          `setFaults: failNextTokenRequests must be a whole number >= 0, got ${failures}.`,
        );
      }
      if (status !== undefined && !(Number.isInteger(status) && status >= 400 && status <= 599)) {
        throw new RangeError(
          `setFaults: tokenErrorStatus must be an HTTP error status (400-599), got ${status}.`,
        );
      }
      const failure = faults.dataFailure === undefined ? undefined : checkDataFailure(faults.dataFailure);
      for (const name of [
        'connectPageSilent',
        'navigateFrameOnRedirect',
        'blockPopups',
        'dataNeverReady',
      ] as const) {
        const value = faults[name];
        if (value !== undefined && typeof value !== 'boolean') {
          throw new TypeError(`setFaults: ${name} must be true or false, got ${String(value)}.`);
        }
      }
      connectPage = {
        silent: faults.connectPageSilent ?? connectPage.silent,
        navigateFrameOnRedirect: faults.navigateFrameOnRedirect ?? connectPage.navigateFrameOnRedirect,
        blockPopups: faults.blockPopups ?? connectPage.blockPopups ?? false,
      };
      if (latency !== undefined) tokenLatencyMs = latency;
      if (failures !== undefined) failuresLeft = failures;
      if (status !== undefined) tokenErrorStatus = status;
      if (failure !== undefined) dataFailure = failure.count > 0 ? failure : undefined;
      dataNeverReady = faults.dataNeverReady ?? dataNeverReady;
    },
    get tokenLatencyMs() {
      return tokenLatencyMs;
    },
    get connectPage() {
      return connectPage;
    },
    takeTokenFailure() {
      if (failuresLeft === 0) return undefined;
      failuresLeft -= 1;
      return tokenErrorStatus;
    },
    get dataNeverReady() {
      return dataNeverReady;
    },
    takeDataFailure(isPoll) {
      if (dataFailure === undefined || (dataFailure.on === 'poll' && !isPoll)) return undefined;
      const { code, count } = dataFailure;
      dataFailure = count > 1 ? { ...dataFailure, count: count - 1 } : undefined;
      return code;
    },
  };
}
