/** One abort signal for a whole fetch: fires at the deadline or when the caller aborts. */
export interface Deadline {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  /** Stops the timer and detaches from the caller's signal; call it once the fetch is over. */
  clear(): void;
}

export function startDeadline(timeoutMs: number, outer?: AbortSignal): Deadline {
  const controller = new AbortController();
  let expired = false;
  const timer = setTimeout(() => {
    expired = true;
    controller.abort(new Error(`deadline of ${timeoutMs} ms passed`));
  }, timeoutMs);
  const forward = (): void => controller.abort(outer?.reason);
  if (outer?.aborted === true) forward();
  else outer?.addEventListener("abort", forward, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => expired,
    clear() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", forward);
    },
  };
}
