/** Stable codes of the worker's own errors; messages say where the problem is and how to fix it. */
export type WorkerErrorCode =
  | "INVALID_CONFIG"
  | "CONFIG_NOT_FOUND"
  | "INVALID_ENVIRONMENT"
  | "INVALID_OPML"
  | "STATE_NOT_SAVED";

/** The one error class of the ingest worker and CLI. */
export class WorkerError extends Error {
  override readonly name = "WorkerError";
  readonly code: WorkerErrorCode;

  constructor(code: WorkerErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}
