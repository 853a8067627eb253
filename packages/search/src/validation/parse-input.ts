import type { z } from "zod";
import { SearchError } from "../errors.ts";
import { describeIssues } from "./describe-issues.ts";

/** Parses caller input with `schema`, or throws one INVALID_INPUT naming every bad field. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  what: string,
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new SearchError("INVALID_INPUT", `Invalid ${what}: ${describeIssues(result.error)}.`, {
    cause: result.error,
  });
}
