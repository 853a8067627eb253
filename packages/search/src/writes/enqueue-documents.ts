import { meiliCall } from "../connection/meili-call.ts";
import { putJsonBytes } from "../connection/put-json-bytes.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import type { PendingTask } from "../tasks/await-tasks.ts";

export type DocumentWrite = { readonly id: string } & Readonly<Record<string, unknown>>;

/** Documents already serialised as one JSON array, with their ids for reporting a failure. */
export interface SerialisedDocuments {
  /** The array's UTF-8 bytes, whole or as chunks made while the request is sent. */
  readonly json: Uint8Array | AsyncIterable<Uint8Array>;
  readonly ids: readonly string[];
}

/**
 * Enqueues one add-or-update (a top-level merge) without waiting for it to be processed, so the
 * caller can enqueue every batch back to back and let Meilisearch batch them. `onlyExisting`
 * asks the server not to create missing documents, on servers that support it (1.31+).
 * The body goes out as bytes (see `putJsonBytes`).
 */
export async function enqueueDocuments(
  admin: SearchAdmin,
  indexUid: string,
  documents: readonly DocumentWrite[] | SerialisedDocuments,
  operation: string,
  onlyExisting = false,
): Promise<PendingTask> {
  const { json, ids } = "json" in documents ? documents : serialise(documents);
  const skip = onlyExisting && admin.features.skipCreation ? "?skipCreation=true" : "";
  const path = `indexes/${encodeURIComponent(indexUid)}/documents${skip}`;
  const answer = await meiliCall(`Sending ${operation} to index "${indexUid}"`, () =>
    putJsonBytes(admin, path, json),
  );
  const { taskUid } = answer as { taskUid: number };
  return { taskUid, operation, documentIds: [...ids] };
}

function serialise(documents: readonly DocumentWrite[]): SerialisedDocuments {
  return {
    json: Buffer.from(JSON.stringify(documents)),
    ids: documents.map((document) => document.id),
  };
}
