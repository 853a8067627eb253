import type { Meilisearch } from "meilisearch";
import {
  resolveSearchConfig,
  type SearchConfig,
  type SearchConfigInput,
} from "../config/search-config.ts";
import { createMeiliClient } from "./create-meili-client.ts";
import type { MeilisearchConnection } from "./open-meilisearch.ts";
import type { ServerFeatures } from "./server-features.ts";

/**
 * The worker's handle: holds the master key, so it writes, applies settings and manages keys.
 * It never leaves the worker; learners search through a `SearchReader`.
 */
export interface SearchAdmin {
  readonly role: "admin";
  readonly client: Meilisearch;
  readonly config: SearchConfig;
  readonly features: ServerFeatures;
}

export function createSearchAdmin(
  connection: MeilisearchConnection,
  config: SearchConfigInput = {},
): SearchAdmin {
  const resolved = resolveSearchConfig(config);
  return {
    role: "admin",
    client: createMeiliClient(connection.url, connection.masterKey, resolved.requestTimeoutMs),
    config: resolved,
    features: connection.features,
  };
}
