import type { ContentItem } from "@sightline/core";

/** What `readableBy` holds for an item without an audience: everyone in the organisation. */
export const PUBLIC_AUDIENCE = "*";

/** Fields only the index has, derived from the item; stripped again before validation. */
export const DERIVED_FIELDS = ["publishedAtMs", "readableBy"] as const;

/**
 * Optional item fields, stored as null when absent: a partial update merges top-level fields,
 * so an omitted field would keep the value an earlier version of the item had.
 */
export const OPTIONAL_FIELDS = [
  "contentHtml",
  "text",
  "dedupeKey",
  "contentHash",
  "audience",
] as const satisfies readonly (keyof ContentItem)[];
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

/** Engagement the index owns once an item exists: re-ingesting an item must not reset them. */
export const ENGAGEMENT_FIELDS = [
  "likeCount",
  "shareCount",
  "commentCount",
  "completionCount",
  "dismissCount",
  "impressionCount",
  "moderation",
] as const satisfies readonly (keyof ContentItem)[];

/** A ContentItem as stored in Meilisearch. */
export type SearchDocument = Omit<ContentItem, OptionalField> & {
  [K in OptionalField]: NonNullable<ContentItem[K]> | null;
} & {
  /** `publishedAt` as epoch milliseconds: Meilisearch compares and sorts numbers, not dates. */
  publishedAtMs: number;
  /** The item's audience groups, or `[PUBLIC_AUDIENCE]`, so one filter says "public or mine". */
  readableBy: string[];
};

export function toSearchDocument(item: ContentItem): SearchDocument {
  return { ...item, ...indexOnlyFields(item) } as SearchDocument;
}

/**
 * What the index stores beside an item's own fields: null for each optional field the item
 * lacks, and the derived fields.
 */
export function indexOnlyFields(item: ContentItem): Partial<SearchDocument> {
  const fields: Partial<Record<OptionalField, null>> & Partial<SearchDocument> = {};
  for (const field of OPTIONAL_FIELDS) if (item[field] === undefined) fields[field] = null;
  fields.publishedAtMs = Date.parse(item.publishedAt);
  fields.readableBy =
    item.audience === undefined || item.audience.length === 0
      ? [PUBLIC_AUDIENCE]
      : [...item.audience];
  return fields;
}
