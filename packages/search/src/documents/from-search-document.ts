import { ContentItem } from "@sightline/core";
import { describeIssues } from "../validation/describe-issues.ts";
import { DERIVED_FIELDS, OPTIONAL_FIELDS } from "./to-search-document.ts";

/** A stored document that did not pass core's ContentItem schema, and why. */
export interface SkippedDocument {
  readonly id: string;
  readonly reason: string;
}

export type DocumentCheck =
  | { readonly ok: true; readonly item: ContentItem }
  | { readonly ok: false; readonly skipped: SkippedDocument };

const STRIPPED = new Set<string>(DERIVED_FIELDS);
const NULLABLE = new Set<string>(OPTIONAL_FIELDS);

/**
 * Back from the index to a validated ContentItem: derived fields, nulls standing for absent
 * optional fields and Meilisearch's own `_`-fields are removed, the rest must pass core's schema.
 */
export function fromSearchDocument(document: Readonly<Record<string, unknown>>): DocumentCheck {
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(document)) {
    if (STRIPPED.has(key) || key.startsWith("_")) continue;
    if (value === null && NULLABLE.has(key)) continue;
    candidate[key] = value;
  }
  const result = ContentItem.safeParse(candidate);
  if (result.success) return { ok: true, item: result.data };
  return { ok: false, skipped: { id: String(document.id), reason: describeIssues(result.error) } };
}
