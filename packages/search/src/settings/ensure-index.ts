import { apiErrorCode, meiliCall, requestFailed } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { SearchError } from "../errors.ts";
import { awaitTasks } from "../tasks/await-tasks.ts";
import { onlyFailedWith } from "../tasks/only-failed-with.ts";

/**
 * Creates the index with primary key "id" unless it exists. The key is explicit because
 * inference fails when several fields end in "id" (id, expertId, sourceId).
 */
export async function ensureIndex(admin: SearchAdmin, indexUid: string): Promise<void> {
  const primaryKey = await currentPrimaryKey(admin, indexUid);
  if (primaryKey === "id") return;
  if (primaryKey !== null) {
    throw new SearchError(
      "SETTINGS_MISMATCH",
      `Index "${indexUid}" has primary key "${primaryKey ?? "(none)"}", not "id". Rebuild it ` +
        "with reindexBySwap, or delete it and write the items again.",
    );
  }
  const { taskUid } = await meiliCall(`Creating index "${indexUid}"`, () =>
    admin.client.createIndex(indexUid, { primaryKey: "id" }),
  );
  try {
    await awaitTasks(admin, [{ taskUid, operation: `creation of index "${indexUid}"` }]);
  } catch (error) {
    // Another worker created it between our look and our creation: that is what we wanted.
    if (!onlyFailedWith(error, "index_already_exists")) throw error;
  }
}

/** The index's primary key; null when the index does not exist, undefined when it has none. */
async function currentPrimaryKey(
  admin: SearchAdmin,
  indexUid: string,
): Promise<string | null | undefined> {
  try {
    return (await admin.client.getRawIndex(indexUid)).primaryKey;
  } catch (error) {
    if (apiErrorCode(error) === "index_not_found") return null;
    throw requestFailed(`Looking up index "${indexUid}"`, error);
  }
}
