import { MeilisearchApiError } from "meilisearch";
import { SearchError } from "../errors.ts";

/**
 * Runs one request and turns a client error into a SearchError that says what was being done.
 * The client's messages carry the URL and the server's reason, never the Authorization header.
 */
export async function meiliCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw requestFailed(what, error);
  }
}

export function requestFailed(what: string, error: unknown): SearchError {
  const reason = describe(error);
  const hint =
    error instanceof MeilisearchApiError
      ? apiHint(error.response.status)
      : "Check that Meilisearch is running and reachable at the configured URL.";
  return new SearchError("REQUEST_FAILED", `${what} failed: ${reason}. ${hint}`, { cause: error });
}

/** The error's message and its cause's, e.g. "Request to … has failed: connect ECONNREFUSED". */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const inner = error.cause instanceof Error ? error.cause : undefined;
  return inner === undefined ? error.message : `${error.message}: ${describe(inner)}`;
}

/** The Meilisearch error code of a failed request, e.g. `index_not_found`. */
export function apiErrorCode(error: unknown): string | undefined {
  if (!(error instanceof MeilisearchApiError)) return undefined;
  return error.cause?.code;
}

function apiHint(status: number): string {
  if (status === 401 || status === 403) {
    return "The key is missing, expired or lacks this right: writes need the master key, searches a search key or tenant token.";
  }
  return "The request was rejected by Meilisearch; see the reason above.";
}
