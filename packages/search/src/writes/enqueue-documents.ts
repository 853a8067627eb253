import { MeilisearchApiError, MeilisearchRequestError } from "meilisearch";
import { meiliCall } from "../connection/meili-call.ts";
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
 *
 * The body goes out as bytes, not through the client, which takes a string: a write's JSON is
 * megabytes, and a string that large lives in V8's large-object space until a full collection,
 * as does the copy fetch encodes from it. Chunks made as the request goes are garbage at once.
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
  const { taskUid } = await meiliCall(`Sending ${operation} to index "${indexUid}"`, () =>
    put(admin, `indexes/${encodeURIComponent(indexUid)}/documents${skip}`, json),
  );
  return { taskUid, operation, documentIds: [...ids] };
}

function serialise(documents: readonly DocumentWrite[]): SerialisedDocuments {
  return {
    json: Buffer.from(JSON.stringify(documents)),
    ids: documents.map((document) => document.id),
  };
}

/** A PUT as the client would send it, failing with the client's own error classes. */
async function put(
  admin: SearchAdmin,
  path: string,
  body: SerialisedDocuments["json"],
): Promise<{ taskUid: number }> {
  const { host, apiKey } = admin.client.config;
  const url = new URL(path, host.endsWith("/") ? host : `${host}/`);
  let response: Response;
  let text: string;
  try {
    // A streamed body must say so (fetch's "half duplex"); Node's RequestInit type lacks the field.
    const init: RequestInit & { duplex: "half" } = {
      method: "PUT",
      body: body instanceof Uint8Array ? body : ReadableStream.from(body),
      duplex: "half",
      headers: {
        "Content-Type": "application/json",
        "Accept-Encoding": "identity",
        ...(apiKey === undefined ? {} : { Authorization: `Bearer ${apiKey}` }),
      },
      signal: AbortSignal.timeout(admin.config.requestTimeoutMs),
    };
    response = await fetch(url, init);
    text = await response.text();
  } catch (error) {
    throw new MeilisearchRequestError(url.toString(), error);
  }
  const answer = text === "" ? undefined : JSON.parse(text);
  if (!response.ok) throw new MeilisearchApiError(response, answer);
  return answer as { taskUid: number };
}
