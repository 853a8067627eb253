import { ContentItem, type Moderation } from "@sightline/core";
import { z } from "zod";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { parseInput } from "../validation/parse-input.ts";
import { applyPartialUpdates, type PartialUpdateReport } from "./apply-partial-updates.ts";

const ModerationChange = z.strictObject({
  id: ContentItem.shape.id,
  moderation: ContentItem.shape.moderation,
});
export interface ModerationChange {
  readonly id: string;
  readonly moderation: Moderation;
}

/**
 * Hides, flags or restores items. Resolves once the change is applied: from then on no search,
 * token or candidate pool returns a hidden or flagged item.
 */
export async function setModeration(
  admin: SearchAdmin,
  changes: readonly ModerationChange[],
): Promise<PartialUpdateReport> {
  const valid = parseInput(z.array(ModerationChange), changes, "moderation changes");
  return applyPartialUpdates(admin, valid, "moderation change");
}
