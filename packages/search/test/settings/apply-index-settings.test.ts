import {
  applyIndexSettings,
  contentIndexSettings,
  SearchError,
  verifyIndexSettings,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { closeTestMeilisearch, testAdmin, uniqueIndexName } from "../meilisearch-for-tests.ts";

test.after(closeTestMeilisearch);

test("creates the index with primary key id, applies every setting and verifies it", async () => {
  const admin = await testAdmin(uniqueIndexName("settings"));
  await applyIndexSettings(admin);
  const index = await admin.client.getRawIndex(admin.config.indexName);
  assert.is(index.primaryKey, "id");
  const settings = await admin.client.index(admin.config.indexName).getSettings();
  const desired = contentIndexSettings(admin.config);
  assert.equal(settings.searchableAttributes, desired.searchableAttributes);
  assert.equal(settings.rankingRules, desired.rankingRules);
  assert.is(settings.distinctAttribute, "dedupeKey");
  assert.equal(settings.synonyms?.k8s, ["kubernetes"]);
  assert.is(settings.pagination?.maxTotalHits, admin.config.search.maxTotalHits);
  assert.equal([...(settings.filterableAttributes ?? [])].sort(), [
    "expertId",
    "kind",
    "language",
    "moderation",
    "publishedAtMs",
    "readableBy",
    "sourceId",
    "topics",
  ]);
});

test("applying twice is harmless", async () => {
  const admin = await testAdmin(uniqueIndexName("settings-twice"));
  await applyIndexSettings(admin);
  await applyIndexSettings(admin);
  await verifyIndexSettings(admin);
});

test("verification names a setting someone changed behind our back", async () => {
  const admin = await testAdmin(uniqueIndexName("settings-drift"));
  await applyIndexSettings(admin);
  await admin.client
    .index(admin.config.indexName)
    .updateSortableAttributes(["likeCount"])
    .waitTask({ timeout: 30_000 });
  const error = await verifyIndexSettings(admin).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "SETTINGS_MISMATCH");
  assert.match(error.message, "sortableAttributes");
  await applyIndexSettings(admin);
});

test.run();
