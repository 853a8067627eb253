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
  /** The stored document as JSON without its engagement fields, and without its closing brace. */
  readonly fields: string;
  /** The engagement fields as JSON members, each after a comma: written for a new item only. */
  readonly engagement: string;
  /** Size of the whole document as UTF-8, for capping the bytes of a request. */
  readonly bytes: number;
}

/** A replacer that keeps only these keys of the item. */
const ENGAGEMENT = [...ENGAGEMENT_FIELDS];

/** Nearly every item read from a feed has the default engagement: they share one string. */
let lastEngagement = "";

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
  const fields = `${JSON.stringify(own).slice(0, -1)},${JSON.stringify(indexOnlyFields(item)).slice(1, -1)}`;
  const members = `,${JSON.stringify(item, ENGAGEMENT).slice(1, -1)}`;
  if (members !== lastEngagement) lastEngagement = members;
  return {
    id: item.id,
    contentHash: item.contentHash ?? null,
    fields,
    engagement: lastEngagement,
    bytes: Buffer.byteLength(fields) + Buffer.byteLength(lastEngagement) + 1,
  };
}
