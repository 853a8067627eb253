/** Stable codes: apps branch on `code`, never on message text; codes are only ever added. */
export type SearchErrorCode =
  | "INVALID_CONFIG"
  | "INVALID_INPUT"
  | "INDEX_MISSING"
  | "BINARY_NOT_FOUND"
  | "SERVER_START_FAILED"
  | "UNSUPPORTED_SERVER"
  | "REQUEST_FAILED"
  | "TASK_FAILED"
  | "TASK_TIMEOUT"
  | "SETTINGS_MISMATCH";

/** One Meilisearch task that ended badly, with the documents it carried. */
export interface TaskFailure {
  readonly taskUid: number;
  /** What the task was for, e.g. `upsert batch 3 of 7 into "sightline-content"`. */
  readonly operation: string;
  /** Ids of the documents the task carried; empty for tasks that carry none (settings, swaps). */
  readonly documentIds: readonly string[];
  /** Meilisearch's error code, e.g. `invalid_document_id`, or the task status if it has none. */
  readonly reason: string;
  readonly message: string;
}

export interface SearchErrorOptions {
  readonly failures?: readonly TaskFailure[];
  readonly cause?: unknown;
}

/**
 * The one error class of @sightline/search: a stable `code`, failed tasks when there are any, and
 * the underlying `cause`. Messages name the place and the fix, and never carry a key or token.
 */
export class SearchError extends Error {
  override readonly name = "SearchError";
  readonly code: SearchErrorCode;
  readonly failures: readonly TaskFailure[];

  constructor(code: SearchErrorCode, message: string, options: SearchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.failures = options.failures ?? [];
  }
}
