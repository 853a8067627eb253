import type { Key } from "meilisearch";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchAdmin } from "../connection/search-admin.ts";
import { SearchKey } from "./search-key.ts";

/**
 * The index's search-only key, created on first use. Learner-facing code searches with it (or
 * with tenant tokens signed by it), never with the master key.
 */
export async function ensureSearchKey(admin: SearchAdmin): Promise<SearchKey> {
  const { indexName, tokens } = admin.config;
  const name = `sightline-search-${indexName}`;
  const { results } = await meiliCall("Listing API keys", () =>
    admin.client.getKeys({ limit: 1000 }),
  );
  const found =
    results.find((key) => key.name === name && isSearchOnly(key, indexName)) ??
    (await meiliCall(`Creating the search key for index "${indexName}"`, () =>
      admin.client.createKey({
        name,
        description: `Search-only key for Sightline learners on index ${indexName}`,
        actions: ["search"],
        indexes: [indexName],
        expiresAt: null,
      }),
    ));
  return new SearchKey(found.uid, found.key, indexName, tokens.ttlSeconds);
}

/** A key found by name is reused only if it still grants exactly search on this index. */
function isSearchOnly(key: Key, indexName: string): boolean {
  return (
    key.actions.length === 1 &&
    key.actions[0] === "search" &&
    key.indexes.length === 1 &&
    key.indexes[0] === indexName &&
    (key.expiresAt === null || new Date(key.expiresAt).getTime() > Date.now())
  );
}
