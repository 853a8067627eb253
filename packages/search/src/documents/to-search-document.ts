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
  return {
    ...item,
    contentHtml: item.contentHtml ?? null,
    text: item.text ?? null,
    dedupeKey: item.dedupeKey ?? null,
    contentHash: item.contentHash ?? null,
    audience: item.audience ?? null,
    publishedAtMs: Date.parse(item.publishedAt),
    readableBy:
      item.audience === undefined || item.audience.length === 0
        ? [PUBLIC_AUDIENCE]
        : [...item.audience],
  };
}
