import { createHash } from "node:crypto";

/**
 * The source id of a feed nobody named: a digest of its address, so the same feed always gets
 * the same id (and its items the same ids) and Meilisearch accepts it (letters, digits, '-').
 */
export function sourceIdFor(feedUrl: string): string {
  return `feed-${createHash("sha256").update(feedUrl).digest("hex").slice(0, 20)}`;
}
