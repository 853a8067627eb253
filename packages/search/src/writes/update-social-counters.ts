import { ContentItem } from "@sightline/core";
import { z } from "zod";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { parseInput } from "../validation/parse-input.ts";
import { applyPartialUpdates, type PartialUpdateReport } from "./apply-partial-updates.ts";

const { shape } = ContentItem;

/** New values of an item's counters; counters left out keep their value. */
export const SocialCounterUpdate = z
  .strictObject({
    id: shape.id,
    likeCount: shape.likeCount.optional(),
    shareCount: shape.shareCount.optional(),
    commentCount: shape.commentCount.optional(),
    completionCount: shape.completionCount.optional(),
    dismissCount: shape.dismissCount.optional(),
    impressionCount: shape.impressionCount.optional(),
  })
  .refine((update) => Object.keys(update).length > 1, "must set at least one counter");
export type SocialCounterUpdate = z.infer<typeof SocialCounterUpdate>;

/**
 * Sets social counters without touching anything else. Counters are flat top-level fields
 * because Meilisearch merges top-level fields only. Values are absolute, not increments: the
 * app's store is the source of truth and retrying a write is then harmless.
 */
export async function updateSocialCounters(
  admin: SearchAdmin,
  updates: readonly SocialCounterUpdate[],
): Promise<PartialUpdateReport> {
  const valid = parseInput(z.array(SocialCounterUpdate), updates, "social counter updates");
  return applyPartialUpdates(admin, valid, "partial update of social counters");
}
