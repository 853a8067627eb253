import type { ContentItem } from "@sightline/core";

/**
 * The item fields search hits and candidate pools fetch: everything but the body (HTML and
 * plain text), which can run to tens of kilobytes per item and is fetched only when read.
 */
export const LISTING_FIELDS = [
  "id",
  "url",
  "title",
  "summary",
  "kind",
  "topics",
  "expertId",
  "sourceId",
  "language",
  "publishedAt",
  "firstSeenAt",
  "likeCount",
  "shareCount",
  "commentCount",
  "completionCount",
  "dismissCount",
  "impressionCount",
  "moderation",
  "dedupeKey",
  "contentHash",
  "audience",
] as const satisfies readonly Exclude<keyof ContentItem, "contentHtml" | "text">[];
