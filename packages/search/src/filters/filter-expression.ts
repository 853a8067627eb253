import { SearchError } from "../errors.ts";

/** The attributes a filter may name; each one is filterable in the index settings. */
export type FilterAttribute =
  | "moderation"
  | "readableBy"
  | "kind"
  | "topics"
  | "expertId"
  | "sourceId"
  | "language"
  | "publishedAtMs";

/**
 * Filter expressions are only ever built here, from typed values: a value is always quoted and
 * escaped, so no caller input can close the quote and add `OR …` to a filter.
 */
export function quoted(value: string): string {
  return `"${value.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

export function anyOf(attribute: FilterAttribute, values: readonly string[]): string {
  return `${attribute} IN [${values.map(quoted).join(", ")}]`;
}

export function noneOf(attribute: FilterAttribute, values: readonly string[]): string {
  return `${attribute} NOT IN [${values.map(quoted).join(", ")}]`;
}

export function equals(attribute: FilterAttribute, value: string): string {
  return `${attribute} = ${quoted(value)}`;
}

export function atLeast(attribute: FilterAttribute, value: number): string {
  return `${attribute} >= ${finite(value)}`;
}

export function atMost(attribute: FilterAttribute, value: number): string {
  return `${attribute} <= ${finite(value)}`;
}

function finite(value: number): number {
  if (Number.isFinite(value)) return value;
  throw new SearchError("INVALID_INPUT", `A filter bound must be a finite number, got ${value}.`);
}
