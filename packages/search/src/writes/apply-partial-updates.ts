import type { SearchAdmin } from "../connection/search-admin.ts";
import { awaitTasks, type PendingTask } from "../tasks/await-tasks.ts";
import { type DocumentWrite, enqueueDocuments } from "./enqueue-documents.ts";
import { findExistingIds } from "./find-existing-ids.ts";
import { inBatches } from "./in-batches.ts";

export interface PartialUpdateReport {
  readonly updated: readonly string[];
  /** Ids not in the index: nothing was written for them (a merge would create a stub). */
  readonly missing: readonly string[];
}

/**
 * Merges top-level fields into existing documents only, batched and awaited like upserts.
 * Missing ids are reported rather than written: Meilisearch would otherwise create a document
 * holding nothing but the patched fields.
 */
export async function applyPartialUpdates(
  admin: SearchAdmin,
  patches: readonly DocumentWrite[],
  what: string,
  indexUid = admin.config.indexName,
): Promise<PartialUpdateReport> {
  const updated: string[] = [];
  const missing: string[] = [];
  const pending: PendingTask[] = [];
  const batches = inBatches(patches, admin.config.batchSize);
  for (const [n, batch] of batches.entries()) {
    const existing = await findExistingIds(
      admin,
      indexUid,
      batch.map((patch) => patch.id),
    );
    const present = batch.filter((patch) => existing.has(patch.id));
    for (const patch of batch) (existing.has(patch.id) ? updated : missing).push(patch.id);
    if (present.length === 0) continue;
    const operation = `${what} batch ${n + 1} of ${batches.length}`;
    pending.push(await enqueueDocuments(admin, indexUid, present, operation, true));
  }
  await awaitTasks(admin, pending);
  return { updated, missing };
}
