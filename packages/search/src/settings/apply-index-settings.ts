import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { awaitTasks } from "../tasks/await-tasks.ts";
import { contentIndexSettings } from "./content-index-settings.ts";
import { ensureIndex } from "./ensure-index.ts";
import { verifyIndexSettings } from "./verify-index-settings.ts";

/**
 * Creates the index if needed, applies the settings, waits for them and reads them back.
 * Call before writing documents: a filter on an attribute whose settings task has not finished
 * fails with "not filterable".
 */
export async function applyIndexSettings(
  admin: SearchAdmin,
  indexUid = admin.config.indexName,
): Promise<void> {
  await ensureIndex(admin, indexUid);
  const settings = contentIndexSettings(admin.config);
  const { taskUid } = await meiliCall(`Updating the settings of index "${indexUid}"`, () =>
    admin.client.index(indexUid).updateSettings(settings),
  );
  await awaitTasks(admin, [{ taskUid, operation: `settings of index "${indexUid}"` }]);
  await verifyIndexSettings(admin, indexUid);
}
