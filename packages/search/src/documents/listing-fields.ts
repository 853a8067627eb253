import type { ContentItem } from "@sightline/core";
import { ENGAGEMENT_FIELDS } from "./to-search-document.ts";

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
  ...ENGAGEMENT_FIELDS,
  "dedupeKey",
  "contentHash",
  "audience",
] as const satisfies readonly Exclude<keyof ContentItem, "contentHtml" | "text">[];
