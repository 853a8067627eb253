import { join } from "node:path";
import {
  applyIndexSettings,
  createSearchAdmin,
  type MeilisearchConnection,
  openMeilisearch,
  type SearchAdmin,
} from "@sightline/search";
import type { Environment } from "../config/environment.ts";
import type { OrgConfig } from "../config/org-config.ts";

export interface SearchHandle {
  readonly connection: MeilisearchConnection;
  readonly admin: SearchAdmin;
  stop(): Promise<void>;
}

/**
 * The Meilisearch the environment names, or the embedded one (data and key under the data
 * folder), with the content index's settings applied and verified before any document.
 */
export async function openSearch(
  environment: Environment,
  config: OrgConfig,
): Promise<SearchHandle> {
  const connection = await openMeilisearch({
    ...environment.meili,
    dataDir: join(environment.dataDir, "meilisearch"),
  });
  try {
    const admin = createSearchAdmin(connection, { indexName: config.search.index });
    await applyIndexSettings(admin);
    return { connection, admin, stop: () => connection.stop() };
  } catch (error) {
    await connection.stop();
    throw error;
  }
}
