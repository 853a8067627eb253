import type { z } from "zod";
import { SightlineError, type SightlineErrorCode, type SightlineIssue } from "../errors.ts";

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Validates untrusted input against a schema. On failure throws one SightlineError that names
 * every bad field, so an app fixing its JSON sees all problems at once, not one per attempt.
 */
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
  code: SightlineErrorCode = "INVALID_INPUT",
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: SightlineIssue[] = result.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  throw new SightlineError(code, `Invalid ${what}: ${listed}. Fix these fields and try again.`, {
    issues,
    cause: result.error,
  });
}
