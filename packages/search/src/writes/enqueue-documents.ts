import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import type { PendingTask } from "../tasks/await-tasks.ts";

export type DocumentWrite = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * Enqueues one add-or-update (a top-level merge) without waiting for it to be processed, so the
 * caller can enqueue every batch back to back and let Meilisearch batch them. `onlyExisting`
 * asks the server not to create missing documents, on servers that support it (1.31+).
 */
export async function enqueueDocuments(
  admin: SearchAdmin,
  indexUid: string,
  documents: readonly DocumentWrite[],
  operation: string,
  onlyExisting = false,
): Promise<PendingTask> {
  const options = onlyExisting && admin.features.skipCreation ? { skipCreation: true } : undefined;
  const { taskUid } = await meiliCall(`Sending ${operation} to index "${indexUid}"`, () =>
    admin.client.index(indexUid).updateDocuments([...documents], options),
  );
  return { taskUid, operation, documentIds: documents.map((document) => document.id) };
}
