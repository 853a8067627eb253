import type { z } from "zod";

/** "path: problem; path: problem" — the paths and rules only, never the offending values. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
}
