// The one place tests learn where Meilisearch is: MEILI_URL + MEILI_MASTER_KEY for a running
// server, else the embedded one (from MEILI_BIN when set). One server per test file at most,
// shared by its tests and stopped in `closeTestMeilisearch`.
import { type ContentItem, NEW_ITEM_SIGNALS } from "@sightline/core";
import {
  createSearchAdmin,
  createSearchReader,
  ensureSearchKey,
  type MeilisearchConnection,
  type SearchAdmin,
  type SearchConfigInput,
  type SearchReader,
} from "@sightline/search";
import { openScratchMeilisearch, type ScratchMeilisearch } from "@sightline/search/testing";

/** A test file that hangs must fail, not stall the suite; the exit hook stops the server. */
const FILE_DEADLINE_MS = 90_000;
setTimeout(() => {
  console.error(`Test file still running after ${FILE_DEADLINE_MS} ms: giving up.`);
  process.exit(1);
}, FILE_DEADLINE_MS).unref();

let shared: Promise<ScratchMeilisearch> | undefined;
const createdIndexes = new Set<string>();

export async function testMeilisearch(): Promise<MeilisearchConnection> {
  shared ??= openScratchMeilisearch({
    label: "search-test",
    url: process.env.MEILI_URL,
    masterKey: process.env.MEILI_MASTER_KEY,
    binaryPath: process.env.MEILI_BIN,
  });
  return (await shared).connection;
}

/** Stops the embedded server and removes its data; on a shared server, drops our indexes and keys. */
export async function closeTestMeilisearch(): Promise<void> {
  if (shared === undefined) return;
  const scratch = await shared;
  const { connection } = scratch;
  shared = undefined;
  if (connection.embedded === undefined) {
    const admin = createSearchAdmin(connection);
    for (const uid of createdIndexes) await admin.client.deleteIndexIfExists(uid);
    const { results } = await admin.client.getKeys({ limit: 1000 });
    for (const key of results) {
      const index = key.name?.replace(/^sightline-search-/, "");
      if (index !== undefined && createdIndexes.has(index)) await admin.client.deleteKey(key.uid);
    }
  }
  await scratch.stop();
}

let counter = 0;
/** An index name no other test file or run uses. */
export function uniqueIndexName(label: string): string {
  const name = `test-${label}-${process.pid}-${++counter}`;
  createdIndexes.add(name);
  createdIndexes.add(`${name}__reindex`);
  return name;
}

export async function testAdmin(
  indexName: string,
  config: SearchConfigInput = {},
): Promise<SearchAdmin> {
  return createSearchAdmin(await testMeilisearch(), { ...config, indexName });
}

/** A reader on the admin's index, searching with the index's search-only key. */
export async function testReader(admin: SearchAdmin): Promise<SearchReader> {
  const connection = await testMeilisearch();
  const key = await ensureSearchKey(admin);
  return createSearchReader({ url: connection.url, apiKey: key.key }, admin.config);
}

const NOW = Date.UTC(2026, 10, 1);
export const TEST_NOW = new Date(NOW);

/** A valid item published `hoursAgo` before TEST_NOW. */
export function testItem(
  id: string,
  overrides: Partial<ContentItem> = {},
  hoursAgo = 1,
): ContentItem {
  const at = new Date(NOW - hoursAgo * 3_600_000).toISOString();
  return {
    id,
    url: `https://intranet.example.com/posts/${id}`,
    title: `Item ${id}`,
    summary: `Summary of ${id}`,
    kind: "article",
    topics: ["general"],
    expertId: "expert-1",
    sourceId: "source-1",
    language: "en",
    publishedAt: at,
    firstSeenAt: at,
    ...NEW_ITEM_SIGNALS,
    ...overrides,
  };
}
