import {
  applyIndexSettings,
  SearchError,
  type SearchReader,
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

let reader: SearchReader;

test.before(async () => {
  const admin = await testAdmin(uniqueIndexName("search"));
  await applyIndexSettings(admin);
  await upsertContentItems(admin, [
    testItem(
      "k1",
      {
        title: "Kubernetes operators in practice",
        topics: ["kubernetes", "platform"],
        expertId: "ada",
        kind: "article",
      },
      2,
    ),
    testItem(
      "k2",
      {
        title: "Debugging Kubernetes networking",
        topics: ["kubernetes", "networking"],
        expertId: "grace",
        kind: "video",
      },
      30,
    ),
    testItem(
      "k3",
      {
        title: "Kubernetes for beginners",
        topics: ["kubernetes"],
        expertId: "ada",
        kind: "course",
        language: "fr",
      },
      24 * 20,
    ),
    testItem(
      "t1",
      {
        title: "TypeScript generics explained",
        topics: ["typescript"],
        expertId: "linus",
        kind: "article",
        text: "Long body about variance and conditional types in TypeScript compilers.",
      },
      5,
    ),
    testItem(
      "x1",
      {
        title: "<img src=x onerror=alert(1)>",
        summary: "Kubernetes <script>alert(2)</script> & more",
        topics: ["security"],
        expertId: "mallory",
      },
      3,
    ),
    testItem(
      "h1",
      { title: "Kubernetes secrets leaked", topics: ["kubernetes"], moderation: "hidden" },
      1,
    ),
    testItem(
      "f1",
      { title: "Kubernetes flagged post", topics: ["kubernetes"], moderation: "flagged" },
      1,
    ),
    testItem(
      "g1",
      {
        title: "Kubernetes roadmap for the platform team",
        topics: ["kubernetes"],
        audience: ["platform-team"],
      },
      1,
    ),
    testItem(
      "d1",
      { title: "Kubernetes cost report", dedupeKey: "cost-report", sourceId: "feed-a" },
      6,
    ),
    testItem(
      "d2",
      { title: "Kubernetes cost report", dedupeKey: "cost-report", sourceId: "feed-b" },
      6,
    ),
  ]);
  reader = await testReader(admin);
});
test.after(closeTestMeilisearch);

const ids = (results: { hits: readonly { item: { id: string } }[] }) =>
  results.hits.map((hit) => hit.item.id);

test("typo tolerance and synonyms find what was meant", async () => {
  assert.ok(ids(await searchContent(reader, { q: "kubernets" })).includes("k1"));
  assert.ok(ids(await searchContent(reader, { q: "typscript generics" })).includes("t1"));
  assert.ok(ids(await searchContent(reader, { q: "k8s operators" })).includes("k1"));
});

test("hidden, flagged and other audiences' items never come back, whatever is asked", async () => {
  const all = ids(await searchContent(reader, { q: "kubernetes", hitsPerPage: 100 }));
  for (const id of ["h1", "f1", "g1"]) assert.not.ok(all.includes(id), id);
  // A value crafted to close the quote and widen the filter is just a topic that matches nothing.
  const injected = await searchContent(reader, {
    q: "kubernetes",
    topics: ['kubernetes" OR moderation = "hidden', "x\\"],
  });
  assert.is(injected.totalHits, 0);
  const member = ids(await searchContent(reader, { q: "roadmap", audiences: ["platform-team"] }));
  assert.equal(member, ["g1"]);
  const error = await searchContent(reader, {
    q: "x",
    filter: 'moderation = "hidden"',
  } as never).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "INVALID_INPUT");
});

test("filters by kind, topics, expert, language and date range", async () => {
  assert.equal(ids(await searchContent(reader, { q: "kubernetes", kinds: ["video"] })), ["k2"]);
  assert.equal(
    ids(
      await searchContent(reader, { q: "", topics: ["networking", "typescript"], sort: "newest" }),
    ),
    ["t1", "k2"],
  );
  assert.equal(
    ids(await searchContent(reader, { q: "kubernetes", experts: ["ada"], languages: ["fr"] })),
    ["k3"],
  );
  const lastDay = await searchContent(reader, {
    q: "kubernetes",
    publishedAfter: "2026-10-31T00:00:00Z",
    publishedBefore: new Date("2026-10-31T23:00:00Z"),
  });
  const found = ids(lastDay);
  assert.equal(
    found.filter((id) => !id.startsWith("d")),
    ["k1", "x1"],
  );
  assert.is(found.filter((id) => id.startsWith("d")).length, 1);
});

test("facets come with counts, over what the learner may see", async () => {
  const results = await searchContent(reader, { q: "kubernetes" });
  assert.is(results.facets.kind?.video, 1);
  assert.is(results.facets.kind?.course, 1);
  assert.is(results.facets.expert?.ada, 2);
  assert.is(results.facets.topics?.kubernetes, 3);
  assert.is(results.facets.language?.fr, 1);
  const none = await searchContent(reader, { q: "kubernetes", facets: [] });
  assert.equal(none.facets, {});
});

test("sort by newest and pagination", async () => {
  // Seven visible public items, two of them one story (same dedupeKey): six results.
  const newest = await searchContent(reader, { q: "", sort: "newest", hitsPerPage: 4 });
  assert.equal(ids(newest).slice(0, 3), ["k1", "x1", "t1"]);
  assert.is(newest.totalHits, 6);
  assert.is(newest.totalPages, 2);
  const second = await searchContent(reader, { q: "", sort: "newest", hitsPerPage: 4, page: 2 });
  assert.equal(ids(second), ["k2", "k3"]);
  assert.is(second.page, 2);
  const tooMany = await searchContent(reader, { q: "", hitsPerPage: 10_000 }).catch(
    (caught: unknown) => caught,
  );
  assert.ok(tooMany instanceof SearchError);
  assert.match(tooMany.message, "maxHitsPerPage");
});

test("the same story from two feeds shows once", async () => {
  const results = await searchContent(reader, { q: "cost report" });
  assert.is(results.hits.length, 1);
});

test("highlights are escaped, so a title cannot inject HTML", async () => {
  // The last word matches as a prefix: Meilisearch keeps "onerror=alert" as one token.
  const [hit] = (await searchContent(reader, { q: "kubernetes onerror" })).hits;
  assert.ok(hit !== undefined);
  assert.is(hit.item.title, "<img src=x onerror=alert(1)>");
  assert.is(hit.title, "&lt;img src=x <mark>onerror</mark>=alert(1)&gt;");
  assert.is(
    hit.summary,
    "<mark>Kubernetes</mark> &lt;script&gt;alert(2)&lt;/script&gt; &amp; more",
  );
  assert.not.match(hit.title + hit.summary, /<(?!\/?mark>)/);
});

test("snippets crop the body around the match; the body itself is not returned", async () => {
  const [hit] = (await searchContent(reader, { q: "variance" })).hits;
  assert.ok(hit !== undefined);
  assert.match(hit.snippet, "<mark>variance</mark>");
  assert.is(hit.item.text, undefined);
});

test.run();
