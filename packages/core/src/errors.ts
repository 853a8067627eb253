/**
 * Stable machine-readable codes. Apps branch on `code`, never on message text, so codes only
 * ever get added, never renamed.
 */
export type SightlineErrorCode =
  | "INVALID_INPUT"
  | "INVALID_CONFIG"
  | "INVALID_SCHEDULE"
  | "INVALID_LEDGER"
  | "SEEN_STORE_FAILED";

export interface SightlineIssue {
  /** Dotted path of the offending field, e.g. `topics[2]` or `cadence.timezone`. */
  readonly path: string;
  readonly message: string;
}

export interface SightlineErrorOptions {
  readonly issues?: readonly SightlineIssue[];
  readonly cause?: unknown;
}

/** The one error class of @sightline/core: a stable `code`, the bad fields, and the `cause`. */
export class SightlineError extends Error {
  override readonly name = "SightlineError";
  readonly code: SightlineErrorCode;
  readonly issues: readonly SightlineIssue[];

  constructor(code: SightlineErrorCode, message: string, options: SightlineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.issues = options.issues ?? [];
  }
}
