import { apiErrorCode, requestFailed } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { SearchError } from "../errors.ts";

/** Ids Meilisearch accepts; the lookup rejects the whole request if one of them is not. */
const VALID_ID = /^[A-Za-z0-9_-]{1,511}$/;

/**
 * Which of `ids` exist in the index as complete items, with the content hash each was stored
 * with. Invalid ids are left out of the lookup and count as new, so the write task itself reports
 * them with the server's reason. A stub without `moderation` (a partial update that raced a
 * deletion) counts as missing, so the next upsert writes the item whole again.
 */
export async function findExistingIds(
  admin: SearchAdmin,
  indexUid: string,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const lookup = ids.filter((id) => VALID_ID.test(id));
  if (lookup.length === 0) return new Map();
  const index = admin.client.index(indexUid);
  try {
    const { results } = await index.httpRequest.post<{
      results: { id: string; moderation?: unknown; contentHash?: unknown }[];
    }>({
      path: `indexes/${indexUid}/documents/fetch`,
      body: { ids: lookup, fields: ["id", "moderation", "contentHash"], limit: lookup.length },
    });
    return new Map(
      results
        .filter((document) => typeof document.moderation === "string")
        .map((document) => [
          String(document.id),
          typeof document.contentHash === "string" ? document.contentHash : null,
        ]),
    );
  } catch (error) {
    if (apiErrorCode(error) === "index_not_found") throw indexMissing(indexUid, error);
    throw requestFailed(`Looking up ${lookup.length} documents in index "${indexUid}"`, error);
  }
}

function indexMissing(indexUid: string, cause: unknown): SearchError {
  return new SearchError(
    "INDEX_MISSING",
    `Index "${indexUid}" does not exist. Call applyIndexSettings first: settings must be in ` +
      "place before documents, or filters on them fail.",
    { cause },
  );
}
