import type { ContentItem } from "@sightline/core";
import type { SearchAdmin } from "../connection/search-admin.ts";
import {
  ENGAGEMENT_FIELDS,
  type SearchDocument,
  toSearchDocument,
} from "../documents/to-search-document.ts";
import { awaitTasks, type PendingTask } from "../tasks/await-tasks.ts";
import { type DocumentWrite, enqueueDocuments } from "./enqueue-documents.ts";
import { findExistingIds } from "./find-existing-ids.ts";
import { inBatches } from "./in-batches.ts";

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
export async function upsertContentItems(
  admin: SearchAdmin,
  items: Iterable<ContentItem>,
  indexUid = admin.config.indexName,
): Promise<UpsertReport> {
  const latest = new Map<string, ContentItem>();
  for (const item of items) latest.set(item.id, item);
  const total = latest.size;
  const batches = inBatches(
    [...latest.values()],
    admin.config.batchSize,
    estimatedBytes,
    admin.config.maxBatchBytes,
  );
  // From here only `batches` holds the items: they can go once every batch is sent, rather than
  // live until every task has ended.
  latest.clear();
  const pending: PendingTask[] = [];
  let created = 0;
  let unchanged = 0;
  for (const [n, batch] of batches.entries()) {
    const existing = await findExistingIds(
      admin,
      indexUid,
      batch.map((item) => item.id),
    );
    const documents: DocumentWrite[] = [];
    for (const item of batch) {
      const stored = existing.get(item.id);
      if (stored === undefined) {
        created++;
        documents.push(toSearchDocument(item));
      } else if (item.contentHash !== undefined && stored === item.contentHash) {
        unchanged++;
      } else {
        documents.push(withoutEngagement(toSearchDocument(item)));
      }
    }
    if (documents.length === 0) continue;
    const operation = `upsert batch ${n + 1} of ${batches.length}`;
    pending.push(await enqueueDocuments(admin, indexUid, documents, operation));
  }
  await awaitTasks(admin, pending);
  return {
    created,
    updated: total - created - unchanged,
    unchanged,
    batches: pending.length,
  };
}

function withoutEngagement(document: SearchDocument): Partial<SearchDocument> & { id: string } {
  const copy: Partial<SearchDocument> & { id: string } = { ...document };
  for (const field of ENGAGEMENT_FIELDS) delete copy[field];
  return copy;
}

/** Numbers, booleans and JSON punctuation: a fixed allowance per field covers them. */
const FIELD_OVERHEAD_BYTES = 64;

/**
 * An upper bound on an item's size as JSON: every string at UTF-8's worst case of 3 bytes per
 * UTF-16 unit (escapes of control characters aside, which feeds' text does not carry).
 */
function estimatedBytes(item: ContentItem): number {
  let bytes = 0;
  for (const value of Object.values(item)) {
    bytes += FIELD_OVERHEAD_BYTES;
    if (typeof value === "string") bytes += 3 * value.length;
    else if (Array.isArray(value)) {
      for (const entry of value) bytes += FIELD_OVERHEAD_BYTES + 3 * String(entry).length;
    }
  }
  return bytes;
}
