import type { SearchAdmin } from "../connection/search-admin.ts";
import type { PreparedDocument } from "../documents/prepare-document.ts";
import { awaitTasks, type PendingTask } from "../tasks/await-tasks.ts";
import { enqueueDocuments } from "./enqueue-documents.ts";
import { findExistingIds } from "./find-existing-ids.ts";
import { inBatches } from "./in-batches.ts";
import { type JsonObjectParts, jsonArrayChunks } from "./json-array-chunks.ts";

export interface UpsertReport {
  readonly created: number;
  /** Items that existed with other content: replaced, their counters and moderation kept. */
  readonly updated: number;
  /** Items that existed with the same content hash: not written at all. */
  readonly unchanged: number;
  readonly batches: number;
}

/**
 * Writes items by id, idempotently: writing the same items again changes nothing and sends
 * nothing (an item whose content hash matches the stored one is skipped). New items are written
 * whole; for items already in the index the counters and moderation stay as the index has them,
 * so re-ingesting a feed never resets likes or un-hides a moderated item. Batches are enqueued
 * back to back, then awaited together; any failed task throws TASK_FAILED naming its documents.
 * When an id repeats, the last item wins.
 */
export async function upsertPreparedDocuments(
  admin: SearchAdmin,
  documents: Iterable<PreparedDocument>,
  indexUid = admin.config.indexName,
): Promise<UpsertReport> {
  const latest = new Map<string, PreparedDocument>();
  for (const document of documents) latest.set(document.id, document);
  const total = latest.size;
  const batches = inBatches(
    [...latest.values()],
    admin.config.batchSize,
    (document) => document.bytes,
    admin.config.maxBatchBytes,
  );
  latest.clear();
  const pending: PendingTask[] = [];
  let created = 0;
  let unchanged = 0;
  for (const [n, batch] of batches.entries()) {
    const existing = await findExistingIds(
      admin,
      indexUid,
      batch.map((document) => document.id),
    );
    const objects: JsonObjectParts[] = [];
    const ids: string[] = [];
    for (const document of batch) {
      const stored = existing.get(document.id);
      if (stored === undefined) created++;
      else if (document.contentHash !== null && stored === document.contentHash) {
        unchanged++;
        continue;
      }
      // An existing item keeps the engagement the index has for it.
      objects.push(
        stored === undefined ? [...document.fields, document.engagement] : document.fields,
      );
      ids.push(document.id);
    }
    // From here only `objects` holds the batch's documents, and only until the request has read
    // them: they need not live until every task has ended.
    batches[n] = [];
    if (ids.length === 0) continue;
    const operation = `upsert batch ${n + 1} of ${batches.length}`;
    pending.push(
      await enqueueDocuments(admin, indexUid, { json: jsonArrayChunks(objects), ids }, operation),
    );
  }
  await awaitTasks(admin, pending);
  return {
    created,
    updated: total - created - unchanged,
    unchanged,
    batches: pending.length,
  };
}
