import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { awaitTasks, type PendingTask } from "../tasks/await-tasks.ts";
import { inBatches } from "./in-batches.ts";

/** Deletes items by id; ids not in the index are ignored. Resolves once the deletion is applied. */
export async function removeContentItems(
  admin: SearchAdmin,
  ids: readonly string[],
  indexUid = admin.config.indexName,
): Promise<void> {
  const pending: PendingTask[] = [];
  const batches = inBatches(ids, admin.config.batchSize);
  for (const [n, batch] of batches.entries()) {
    const operation = `deletion batch ${n + 1} of ${batches.length}`;
    const { taskUid } = await meiliCall(`Sending ${operation} to index "${indexUid}"`, () =>
      admin.client.index(indexUid).deleteDocuments([...batch]),
    );
    pending.push({ taskUid, operation, documentIds: batch });
  }
  await awaitTasks(admin, pending);
}
