import type { ContentItem } from "@sightline/core";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { toSearchDocument } from "../documents/to-search-document.ts";
import { applyIndexSettings } from "../settings/apply-index-settings.ts";
import { ensureIndex } from "../settings/ensure-index.ts";
import { awaitTasks, type PendingTask } from "../tasks/await-tasks.ts";
import { onlyFailedWith } from "../tasks/only-failed-with.ts";
import { enqueueDocuments } from "./enqueue-documents.ts";

export interface ReindexReport {
  readonly documents: number;
}

/**
 * Rebuilds the index from `items` without downtime: a staging index gets the settings, then
 * every item whole (counters and moderation included: the caller is the source of truth here),
 * then the two are swapped atomically and the old content is dropped. Searches answer from the
 * old index until the swap and from the new one after it. Writes made to the live index while
 * this runs are lost with the old content: pause them or replay them afterwards.
 */
export async function reindexBySwap(
  admin: SearchAdmin,
  items: Iterable<ContentItem> | AsyncIterable<ContentItem>,
  indexUid = admin.config.indexName,
): Promise<ReindexReport> {
  const staging = `${indexUid}__reindex`;
  await dropIndex(admin, staging);
  await applyIndexSettings(admin, staging);
  const { pending, documents } = await enqueueAll(admin, staging, items);
  await awaitTasks(admin, pending);
  await ensureIndex(admin, indexUid);
  const swap = `swap of index "${indexUid}" with "${staging}"`;
  const { taskUid } = await meiliCall(`Sending the ${swap}`, () =>
    admin.client.swapIndexes([{ indexes: [indexUid, staging], rename: false }]),
  );
  await awaitTasks(admin, [{ taskUid, operation: swap }]);
  await dropIndex(admin, staging);
  return { documents };
}

async function enqueueAll(
  admin: SearchAdmin,
  indexUid: string,
  items: Iterable<ContentItem> | AsyncIterable<ContentItem>,
): Promise<{ pending: PendingTask[]; documents: number }> {
  const pending: PendingTask[] = [];
  let batch: ContentItem[] = [];
  let documents = 0;
  const flush = async () => {
    const operation = `reindex batch ${pending.length + 1}`;
    pending.push(await enqueueDocuments(admin, indexUid, batch.map(toSearchDocument), operation));
    documents += batch.length;
    batch = [];
  };
  for await (const item of items) {
    batch.push(item);
    if (batch.length >= admin.config.batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return { pending, documents };
}

async function dropIndex(admin: SearchAdmin, indexUid: string): Promise<void> {
  const { taskUid } = await meiliCall(`Deleting index "${indexUid}"`, () =>
    admin.client.deleteIndex(indexUid),
  );
  try {
    await awaitTasks(admin, [{ taskUid, operation: `deletion of index "${indexUid}"` }]);
  } catch (error) {
    if (!onlyFailedWith(error, "index_not_found")) throw error;
  }
}
