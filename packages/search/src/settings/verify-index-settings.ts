import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { SearchError } from "../errors.ts";
import { contentIndexSettings } from "./content-index-settings.ts";
import { settingsDifferences } from "./settings-differences.ts";

/** Reads the index's settings back and throws SETTINGS_MISMATCH naming every one that differs. */
export async function verifyIndexSettings(
  admin: SearchAdmin,
  indexUid = admin.config.indexName,
): Promise<void> {
  const actual = await meiliCall(`Reading the settings of index "${indexUid}"`, () =>
    admin.client.index(indexUid).getSettings(),
  );
  const differing = settingsDifferences(contentIndexSettings(admin.config), actual);
  if (differing.length === 0) return;
  throw new SearchError(
    "SETTINGS_MISMATCH",
    `Index "${indexUid}" does not have the settings @sightline/search needs: ${differing.join(", ")} ` +
      `differ. Run applyIndexSettings again; if they still differ, Meilisearch ` +
      `${admin.features.version} may not support a setting, or another client keeps changing them.`,
  );
}
