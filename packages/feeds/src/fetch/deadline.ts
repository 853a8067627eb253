import { EventEmitter } from "node:events";

/**
 * Fires "abort" once, at the deadline or when the caller aborts. undici takes an EventEmitter
 * as a request's signal; an AbortSignal's listeners cost several times more, on every fetch of
 * a run of a thousand feeds.
 */
export interface DeadlineSignal extends EventEmitter {
  readonly aborted: boolean;
  readonly reason: unknown;
}

/** One abort signal for a whole fetch: fires at the deadline or when the caller aborts. */
export interface Deadline {
  readonly signal: DeadlineSignal;
  /** The same signal as an AbortSignal, for APIs that take nothing else; made on first use. */
  abortSignal(): AbortSignal;
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call it once the fetch is over. */
  clear(): void;
}

class Signal extends EventEmitter implements DeadlineSignal {
  aborted = false;
  reason: unknown;

  abort(reason: unknown): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason;
    this.emit("abort");
  }
}

export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const signal = new Signal();
  let expired = false;
  let controller: AbortController | undefined;
  const timer = setTimeout(() => {
    expired = true;
    signal.abort(new Error(`deadline of ${timeoutMs} ms passed`));
  }, timeoutMs);
  const forward = (): void => signal.abort(outer?.reason);
  if (outer?.aborted === true) forward();
  else outer?.addEventListener("abort", forward, { once: true });
  return {
    signal,
    abortSignal() {
      if (controller !== undefined) return controller.signal;
      const made = new AbortController();
      controller = made;
      if (signal.aborted) made.abort(signal.reason);
      else signal.once("abort", () => made.abort(signal.reason));
      return made.signal;
    },
    timedOut: () => expired,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    },
  };
}
