import type { ContentItem } from "@sightline/core";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { prepareDocument } from "../documents/prepare-document.ts";
import { type UpsertReport, upsertPreparedDocuments } from "./upsert-prepared-documents.ts";

/**
 * Writes items by id, idempotently: see `upsertPreparedDocuments`, which a writer holding items
 * for a while should call instead, with each item prepared as soon as it is read.
 */
export async function upsertContentItems(
  admin: SearchAdmin,
  items: Iterable<ContentItem>,
  indexUid = admin.config.indexName,
): Promise<UpsertReport> {
  return await upsertPreparedDocuments(admin, Array.from(items, prepareDocument), indexUid);
}
