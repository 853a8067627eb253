import { ContentItem } from "@sightline/core";
import { z } from "zod";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { anyOf, atMost } from "../filters/filter-expression.ts";
import { awaitTasks } from "../tasks/await-tasks.ts";
import { parseInput } from "../validation/parse-input.ts";

/** Which items to delete: all criteria given must hold. At least one is required. */
export const RemovalCriteria = z
  .strictObject({
    expertIds: z.array(ContentItem.shape.expertId).min(1).optional(),
    sourceIds: z.array(ContentItem.shape.sourceId).min(1).optional(),
    /** Items published strictly before this moment. */
    publishedBefore: z.union([z.date(), ContentItem.shape.publishedAt]).optional(),
  })
  .refine((criteria) => Object.values(criteria).some((value) => value !== undefined), {
    message: "name at least one of expertIds, sourceIds, publishedBefore (nothing deletes all)",
  });
export type RemovalCriteria = z.input<typeof RemovalCriteria>;

/**
 * Deletes by filter, e.g. everything of a removed source or older than the retention period.
 * The filter is built from structured criteria, never from a caller's string. Resolves with the
 * number of documents deleted.
 */
export async function removeContentItemsWhere(
  admin: SearchAdmin,
  criteria: RemovalCriteria,
  indexUid = admin.config.indexName,
): Promise<number> {
  const { expertIds, sourceIds, publishedBefore } = parseInput(
    RemovalCriteria,
    criteria,
    "removal criteria",
  );
  const filter = [
    expertIds === undefined ? undefined : anyOf("expertId", expertIds),
    sourceIds === undefined ? undefined : anyOf("sourceId", sourceIds),
    publishedBefore === undefined
      ? undefined
      : atMost("publishedAtMs", new Date(publishedBefore).getTime() - 1),
  ].filter((part) => part !== undefined);
  const operation = `deletion where ${filter.join(" AND ")}`;
  const { taskUid } = await meiliCall(`Sending ${operation} to index "${indexUid}"`, () =>
    admin.client.index(indexUid).deleteDocuments({ filter }),
  );
  const [task] = await awaitTasks(admin, [{ taskUid, operation }]);
  return task?.details?.deletedDocuments ?? 0;
}
