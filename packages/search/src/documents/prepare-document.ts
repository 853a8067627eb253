import type { ContentItem } from "@sightline/core";
import { ENGAGEMENT_FIELDS, indexOnlyFields } from "./to-search-document.ts";

/**
 * A ContentItem serialised for the index the moment it is read. A writer that gathers thousands
 * of items into large writes holds them for a second or more: as one flat JSON string an item
 * takes well under half the heap its objects do, and those objects die young instead of being
 * promoted and collected later at far greater cost.
 */
export interface PreparedDocument {
  readonly id: string;
  readonly contentHash: string | null;
  /**
   * The stored document without its engagement fields, as JSON objects whose members make it up
   * together (see `jsonArrayChunks`): kept apart rather than joined, which would copy it.
   */
  readonly fields: readonly string[];
  /** The engagement fields as a JSON object: written for a new item only. */
  readonly engagement: string;
  /** Size of the whole document as UTF-8, for capping the bytes of a request. */
  readonly bytes: number;
}

/** A replacer that keeps only these keys of the item. */
const ENGAGEMENT = [...ENGAGEMENT_FIELDS];

/** Nearly every item read from a feed has the default engagement: they share one string. */
let lastEngagement = "{}";
let lastEngagementBytes = 2;

export function prepareDocument(item: ContentItem): PreparedDocument {
  // Named one by one, not looped over: an object built key by key, or a spread that gains keys,
  // costs more than the JSON itself. prepare-document.test.ts checks these are ENGAGEMENT_FIELDS.
  const {
    likeCount: _likes,
    shareCount: _shares,
    commentCount: _comments,
    completionCount: _completions,
    dismissCount: _dismissals,
    impressionCount: _impressions,
    moderation: _moderation,
    ...own
  } = item;
  const ownJson = JSON.stringify(own);
  // Never empty: it holds at least publishedAtMs and readableBy.
  const derivedJson = JSON.stringify(indexOnlyFields(item));
  const engagement = JSON.stringify(item, ENGAGEMENT);
  if (engagement !== lastEngagement) {
    lastEngagement = engagement;
    lastEngagementBytes = Buffer.byteLength(engagement);
  }
  // Each object joined to the one before loses one byte: "}{" becomes ",".
  const fieldsBytes = Buffer.byteLength(ownJson) + Buffer.byteLength(derivedJson) - 1;
  return {
    id: item.id,
    contentHash: item.contentHash ?? null,
    fields: [ownJson, derivedJson],
    engagement: lastEngagement,
    bytes: fieldsBytes + (lastEngagementBytes > 2 ? lastEngagementBytes - 1 : 0),
  };
}
