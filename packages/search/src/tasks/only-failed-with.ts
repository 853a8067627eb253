import { SearchError } from "../errors.ts";

/** True when `error` is a TASK_FAILED whose every failure has this Meilisearch error code. */
export function onlyFailedWith(error: unknown, reason: string): boolean {
  return (
    error instanceof SearchError &&
    error.code === "TASK_FAILED" &&
    error.failures.every((failure) => failure.reason === reason)
  );
}
