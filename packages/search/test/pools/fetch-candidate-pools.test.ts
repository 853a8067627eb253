import { newLearnerProfile, parseContentItem } from "@sightline/core";
import {
  applyIndexSettings,
  fetchCandidatePools,
  type SearchReader,
  toSearchDocument,
  upsertContentItems,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  TEST_NOW,
  testAdmin,
  testItem,
  testReader,
  uniqueIndexName,
} from "../meilisearch-for-tests.ts";

let reader: SearchReader;

const learner = newLearnerProfile({
  id: "learner-1",
  interests: { kubernetes: 1, observability: 0.4 },
  learned: { rust: 0.3 },
  followedExperts: ["ada"],
  audiences: ["platform-team"],
  mutes: { experts: ["spammer"], topics: ["crypto"], words: [] },
});

test.before(async () => {
  const admin = await testAdmin(uniqueIndexName("pools"));
  await applyIndexSettings(admin);
  await upsertContentItems(admin, [
    testItem("k-new", { topics: ["kubernetes"], expertId: "grace" }, 1),
    testItem("k-old", { topics: ["kubernetes"], expertId: "grace", impressionCount: 5 }, 48),
    testItem("o-1", { topics: ["observability"], expertId: "linus" }, 3),
    testItem("r-1", { topics: ["rust"], expertId: "linus" }, 4),
    testItem("ada-1", { topics: ["cooking"], expertId: "ada" }, 5),
    testItem("design-1", { topics: ["design"], expertId: "quiet", impressionCount: 0 }, 6),
    testItem("design-2", { topics: ["design"], expertId: "loud", impressionCount: 900 }, 2),
    testItem("team-1", { topics: ["kubernetes"], audience: ["platform-team"] }, 7),
    testItem("other-team", { topics: ["kubernetes"], audience: ["finance"] }, 1),
    testItem("hidden", { topics: ["kubernetes"], moderation: "hidden" }, 1),
    testItem("muted-expert", { topics: ["kubernetes"], expertId: "spammer" }, 1),
    testItem("muted-topic", { topics: ["design", "crypto"] }, 1),
    testItem("ancient", { topics: ["kubernetes"], expertId: "ada" }, 24 * 60),
  ]);
  // A document written behind the library's back that core's schema refuses.
  const broken = {
    ...toSearchDocument(testItem("broken", { topics: ["kubernetes"] })),
    likeCount: -3,
  };
  await admin.client
    .index(admin.config.indexName)
    .addDocuments([broken])
    .waitTask({ timeout: 30_000 });
  reader = await testReader(admin);
});
test.after(closeTestMeilisearch);

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

test("each slice holds validated items of its kind, newest first", async () => {
  const pools = await fetchCandidatePools(reader, { learner, now: TEST_NOW });
  assert.equal(ids(pools.slices.interests), ["k-new", "o-1", "r-1", "team-1", "k-old"]);
  assert.equal(ids(pools.slices.experts), ["ada-1"]);
  // Outside the learner's topics, least-seen first.
  assert.equal(ids(pools.slices.exploration), ["ada-1", "design-1", "design-2"]);
  assert.equal(ids(pools.slices.recent).slice(0, 3), ["k-new", "design-2", "o-1"]);
  for (const item of pools.items) {
    assert.equal(parseContentItem(item), item);
    assert.not.ok("readableBy" in item || "publishedAtMs" in item || "_formatted" in item);
  }
  assert.is(new Set(ids(pools.items)).size, pools.items.length);
});

test("nothing hidden, muted, too old or for another audience gets in", async () => {
  const pools = await fetchCandidatePools(reader, { learner, now: TEST_NOW });
  const all = ids(pools.items);
  for (const id of ["other-team", "hidden", "muted-expert", "muted-topic", "ancient"]) {
    assert.not.ok(all.includes(id), id);
  }
  assert.ok(all.includes("team-1"));
});

test("a document that fails validation is skipped and reported, not fatal", async () => {
  const pools = await fetchCandidatePools(reader, { learner, now: TEST_NOW });
  assert.not.ok(ids(pools.items).includes("broken"));
  const reported = pools.skipped.filter((skip) => skip.id === "broken");
  assert.ok(reported.length >= 1);
  assert.match(reported[0]?.reason ?? "", "likeCount");
});

test("limits and window are honoured; a learner with no interests still gets slices", async () => {
  const small = await fetchCandidatePools(reader, {
    learner,
    now: TEST_NOW,
    windowDays: 1,
    limits: { recent: 3, interests: 1 },
  });
  assert.equal(ids(small.slices.interests), ["k-new"]);
  // The limit counts documents fetched, so a skipped one leaves a gap rather than a refill.
  const skippedRecent = small.skipped.filter((skip) => skip.slice === "recent").length;
  assert.is(small.slices.recent.length + skippedRecent, 3);
  assert.ok(
    small.slices.recent.every(
      (item) => Date.parse(item.publishedAt) >= TEST_NOW.getTime() - 86_400_000,
    ),
  );
  const blank = await fetchCandidatePools(reader, {
    learner: newLearnerProfile({ id: "new" }),
    now: TEST_NOW,
  });
  assert.equal(blank.slices.interests, []);
  assert.equal(blank.slices.experts, []);
  assert.ok(blank.slices.exploration.length > 0);
  assert.ok(blank.slices.recent.length > 0);
});

test.run();
