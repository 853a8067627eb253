import type { ContentItem } from "@sightline/core";

/** Length of `Date.prototype.toISOString()` for years 0–9999, the only ones core accepts. */
const ISO_TIMESTAMP_LENGTH = 24;

/**
 * Whether an item built by `normaliseItem` needs core's ContentItem schema to decide if it is
 * valid. Every other field is built from the validated config or checked while it is built (ids
 * are hashes, titles and summaries are trimmed and capped, topics capped…); only these can fail:
 * the URL, when a file: feed's address stands in for a missing link, and dates past year 9999.
 */
export function needsSchemaCheck(item: ContentItem): boolean {
  const webUrl = item.url.startsWith("https://") || item.url.startsWith("http://");
  return (
    !webUrl ||
    item.publishedAt.length !== ISO_TIMESTAMP_LENGTH ||
    item.firstSeenAt.length !== ISO_TIMESTAMP_LENGTH
  );
}
