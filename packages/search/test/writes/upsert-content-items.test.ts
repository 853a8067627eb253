import type { ContentItem } from "@sightline/core";
import {
  applyIndexSettings,
  SearchError,
  setModeration,
  updateSocialCounters,
  upsertContentItems,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testAdmin,
  testItem,
  uniqueIndexName,
} from "../meilisearch-for-tests.ts";

test.after(closeTestMeilisearch);

async function documentCount(admin: Awaited<ReturnType<typeof testAdmin>>): Promise<number> {
  const stats = await admin.client.index(admin.config.indexName).getStats();
  return stats.numberOfDocuments;
}

test("re-upserting the same items writes no duplicates", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert"), { batchSize: 7 });
  await applyIndexSettings(admin);
  const items = Array.from({ length: 30 }, (_, i) => testItem(`item-${i}`));
  const first = await upsertContentItems(admin, items);
  assert.equal(first, { created: 30, updated: 0, unchanged: 0, batches: 5 });
  const second = await upsertContentItems(admin, items);
  assert.equal(second, { created: 0, updated: 30, unchanged: 0, batches: 5 });
  assert.is(await documentCount(admin), 30);
});

test("long posts go in smaller requests, so no request nears Meilisearch's payload limit", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-bytes"), {
    batchSize: 100,
    maxBatchBytes: 1024 * 1024,
  });
  await applyIndexSettings(admin);
  // 300,000 characters each, but 360,000 bytes of UTF-8: two fit in 1 MiB, not three.
  const long = "wörd ".repeat(60_000);
  const items = Array.from({ length: 5 }, (_, i) => ({ ...testItem(`long-${i}`), text: long }));
  const report = await upsertContentItems(admin, items);
  assert.equal(report, { created: 5, updated: 0, unchanged: 0, batches: 3 });
  assert.is(await documentCount(admin), 5);
});

test("items whose content hash is unchanged are not written at all; an edited one is", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-hash"), { batchSize: 10 });
  await applyIndexSettings(admin);
  const items = Array.from({ length: 20 }, (_, i) =>
    testItem(`item-${i}`, { contentHash: `h${i}` }),
  );
  await upsertContentItems(admin, items);
  const tasksBefore = (await admin.client.tasks.getTasks({ indexUids: [admin.config.indexName] }))
    .total;
  const again = await upsertContentItems(admin, items);
  assert.equal(again, { created: 0, updated: 0, unchanged: 20, batches: 0 });
  const tasksAfter = (await admin.client.tasks.getTasks({ indexUids: [admin.config.indexName] }))
    .total;
  assert.is(tasksAfter, tasksBefore, "no write task was enqueued");
  const edited = items.map((item, i) =>
    i === 3 ? { ...item, title: "Edited", contentHash: "h3-edited" } : item,
  );
  assert.equal(await upsertContentItems(admin, edited), {
    created: 0,
    updated: 1,
    unchanged: 19,
    batches: 1,
  });
  const stored = await admin.client.index(admin.config.indexName).getDocument("item-3");
  assert.is(stored.title, "Edited");
});

test("the last copy of a repeated id wins, and optional fields removed later are cleared", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-last"));
  await applyIndexSettings(admin);
  await upsertContentItems(admin, [testItem("a", { dedupeKey: "story-1", title: "Old title" })]);
  await upsertContentItems(admin, [
    testItem("a", { title: "Middle" }),
    testItem("a", { title: "New title" }),
  ]);
  const stored = await admin.client.index(admin.config.indexName).getDocument("a");
  assert.is(stored.title, "New title");
  assert.is(stored.dedupeKey, null);
  assert.is(await documentCount(admin), 1);
});

test("re-ingesting an item keeps its counters and moderation", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-keep"));
  await applyIndexSettings(admin);
  await upsertContentItems(admin, [testItem("a")]);
  await updateSocialCounters(admin, [{ id: "a", likeCount: 12 }]);
  await setModeration(admin, [{ id: "a", moderation: "hidden" }]);
  await upsertContentItems(admin, [testItem("a", { title: "Edited" })]);
  const stored = await admin.client.index(admin.config.indexName).getDocument("a");
  assert.is(stored.title, "Edited");
  assert.is(stored.likeCount, 12);
  assert.is(stored.moderation, "hidden");
});

test("a failed task is reported with its documents and the server's reason", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-fail"), { batchSize: 2 });
  await applyIndexSettings(admin);
  // Typed as a ContentItem but with an id Meilisearch refuses: the server is the judge.
  const bad: ContentItem = testItem("ok-2", { id: "https://example.com/not-an-id" });
  const error = await upsertContentItems(admin, [
    testItem("ok-0"),
    testItem("ok-1"),
    testItem("ok-2"),
    bad,
  ]).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "TASK_FAILED");
  assert.is(error.failures.length, 1);
  const [failure] = error.failures;
  assert.is(failure?.reason, "invalid_document_id");
  assert.equal(failure?.documentIds, ["ok-2", "https://example.com/not-an-id"]);
  assert.match(error.message, "https://example.com/not-an-id");
  assert.match(error.message, "invalid_document_id");
  // Only the failed batch is lost: its neighbour's batch was written.
  assert.is(await documentCount(admin), 2);
});

test("writing before the settings exist names the fix", async () => {
  const admin = await testAdmin(uniqueIndexName("upsert-noindex"));
  const error = await upsertContentItems(admin, [testItem("a")]).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "INDEX_MISSING");
  assert.match(error.message, "applyIndexSettings");
});

test.run();
