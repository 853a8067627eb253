import {
  applyIndexSettings,
  reindexBySwap,
  searchContent,
  upsertContentItems,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testAdmin,
  testItem,
  testReader,
  uniqueIndexName,
} from "../meilisearch-for-tests.ts";

test.after(closeTestMeilisearch);

test("search keeps answering while the index is rebuilt and swapped", async () => {
  const admin = await testAdmin(uniqueIndexName("reindex"), { batchSize: 500 });
  await applyIndexSettings(admin);
  const reader = await testReader(admin);
  const old = Array.from({ length: 300 }, (_, i) =>
    testItem(`old-${i}`, { title: `Observability notes ${i}` }),
  );
  await upsertContentItems(admin, old);

  const fresh = Array.from({ length: 3000 }, (_, i) =>
    testItem(`new-${i}`, { title: `Observability handbook ${i}`, likeCount: i % 7 }),
  );
  let done = false;
  const answers: number[] = [];
  const failures: unknown[] = [];
  const searching = (async () => {
    while (!done) {
      try {
        answers.push((await searchContent(reader, { q: "observability" })).totalHits);
      } catch (error) {
        failures.push(error);
      }
    }
  })();
  const report = await reindexBySwap(admin, fresh);
  done = true;
  await searching;

  assert.is(report.documents, 3000);
  assert.equal(failures, []);
  assert.ok(answers.length >= 5, `only ${answers.length} searches ran during the reindex`);
  assert.ok(
    answers.every((total) => total > 0),
    "a search came back empty during the reindex",
  );
  const after = await searchContent(reader, { q: "handbook" });
  assert.is(after.totalHits, admin.config.search.maxTotalHits);
  assert.is((await searchContent(reader, { q: "notes" })).totalHits, 0);
  const indexes = await admin.client.getRawIndexes({ limit: 1000 });
  assert.not.ok(
    indexes.results.some((index) => index.uid === `${admin.config.indexName}__reindex`),
  );
  // Counters come from the caller on a rebuild: it is the source of truth.
  assert.is((await admin.client.index(admin.config.indexName).getDocument("new-6")).likeCount, 6);
});

test("a first reindex creates the live index", async () => {
  const admin = await testAdmin(uniqueIndexName("reindex-first"));
  const report = await reindexBySwap(admin, [testItem("a"), testItem("b")]);
  assert.is(report.documents, 2);
  const stats = await admin.client.index(admin.config.indexName).getStats();
  assert.is(stats.numberOfDocuments, 2);
});

test.run();
