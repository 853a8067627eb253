import {
  applyIndexSettings,
  removeContentItems,
  removeContentItemsWhere,
  SearchError,
  searchContent,
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
  testReader,
  uniqueIndexName,
} from "../meilisearch-for-tests.ts";

test.after(closeTestMeilisearch);

async function setUp(label: string) {
  const admin = await testAdmin(uniqueIndexName(label));
  await applyIndexSettings(admin);
  return { admin, reader: await testReader(admin) };
}

test("counters change alone; missing ids are reported, not created", async () => {
  const { admin } = await setUp("counters");
  await upsertContentItems(admin, [testItem("a", { title: "Kept title" }), testItem("b")]);
  const report = await updateSocialCounters(admin, [
    { id: "a", likeCount: 5, impressionCount: 40 },
    { id: "gone", likeCount: 1 },
  ]);
  assert.equal(report, { updated: ["a"], missing: ["gone"] });
  const index = admin.client.index(admin.config.indexName);
  const stored = await index.getDocument("a");
  assert.is(stored.likeCount, 5);
  assert.is(stored.impressionCount, 40);
  assert.is(stored.shareCount, 0);
  assert.is(stored.title, "Kept title");
  assert.is((await index.getStats()).numberOfDocuments, 2);
});

test("counters are validated before anything is sent", async () => {
  const { admin } = await setUp("counters-invalid");
  const error = await updateSocialCounters(admin, [{ id: "a", likeCount: -1 }]).catch(
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "INVALID_INPUT");
  assert.match(error.message, "likeCount");
});

test("a hidden item disappears from search as soon as the change resolves, and can come back", async () => {
  const { admin, reader } = await setUp("moderation");
  await upsertContentItems(admin, [
    testItem("a", { title: "Kubernetes operators" }),
    testItem("b", { title: "Kubernetes networking" }),
  ]);
  const before = await searchContent(reader, { q: "kubernetes" });
  assert.is(before.totalHits, 2);
  await setModeration(admin, [{ id: "a", moderation: "hidden" }]);
  const hidden = await searchContent(reader, { q: "kubernetes" });
  assert.equal(
    hidden.hits.map((hit) => hit.item.id),
    ["b"],
  );
  await setModeration(admin, [{ id: "b", moderation: "flagged" }]);
  assert.is((await searchContent(reader, { q: "kubernetes" })).totalHits, 0);
  await setModeration(admin, [{ id: "a", moderation: "visible" }]);
  assert.is((await searchContent(reader, { q: "kubernetes" })).totalHits, 1);
});

test("removal by id and by structured filter", async () => {
  const { admin } = await setUp("removal");
  await upsertContentItems(admin, [
    testItem("a", { expertId: "ada" }),
    testItem("b", { expertId: "ada" }),
    testItem("c", { expertId: "grace", sourceId: "old-blog" }),
    testItem("d", { expertId: "grace" }, 24 * 400),
    testItem("e", { expertId: "linus" }),
  ]);
  const index = admin.client.index(admin.config.indexName);
  await removeContentItems(admin, ["e", "never-existed"]);
  assert.is((await index.getStats()).numberOfDocuments, 4);
  assert.is(await removeContentItemsWhere(admin, { expertIds: ["ada"] }), 2);
  assert.is(await removeContentItemsWhere(admin, { publishedBefore: "2026-01-01T00:00:00Z" }), 1);
  const left = await index.getDocuments({ fields: ["id"] });
  assert.equal(
    left.results.map((document) => document.id),
    ["c"],
  );
  const error = await removeContentItemsWhere(admin, {}).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "INVALID_INPUT");
});

test.run();
