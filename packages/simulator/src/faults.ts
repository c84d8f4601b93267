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
}

export function createFaultState(): FaultState {
  let tokenLatencyMs = 0;
  let failuresLeft = 0;
  let tokenErrorStatus = 500;
  let connectPage: ConnectPageFaults = { silent: false, navigateFrameOnRedirect: false };

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
      for (const name of ['connectPageSilent', 'navigateFrameOnRedirect', 'blockPopups'] as const) {
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
  };
}
