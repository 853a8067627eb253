import type { z } from "zod";
import { SearchError } from "../errors.ts";
import { describeIssues } from "../validation/describe-issues.ts";

/** One SearchError naming every bad field; values are never echoed, since some are keys. */
export function invalidConfig(what: string, error: z.ZodError): SearchError {
  return new SearchError(
    "INVALID_CONFIG",
    `Invalid ${what}: ${describeIssues(error)}. Fix these fields.`,
    { cause: error },
  );
}
