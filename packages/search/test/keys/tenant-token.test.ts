import {
  applyIndexSettings,
  createMeiliClient,
  createSearchReader,
  createTenantToken,
  ensureSearchKey,
  type SearchAdmin,
  SearchError,
  searchContent,
  upsertContentItems,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testAdmin,
  testItem,
  testMeilisearch,
  uniqueIndexName,
} from "../meilisearch-for-tests.ts";

let admin: SearchAdmin;
let url = "";

test.before(async () => {
  admin = await testAdmin(uniqueIndexName("tokens"));
  url = (await testMeilisearch()).url;
  await applyIndexSettings(admin);
  await upsertContentItems(admin, [
    testItem("public", { title: "Quarterly roadmap for everyone" }),
    testItem("finance", { title: "Quarterly roadmap for finance", audience: ["finance"] }),
    testItem("legal", { title: "Quarterly roadmap for legal", audience: ["legal"] }),
    testItem("hidden", { title: "Quarterly roadmap draft", moderation: "hidden" }),
  ]);
});
test.after(closeTestMeilisearch);

test("the search key is search-only, on this index only, and reused", async () => {
  const key = await ensureSearchKey(admin);
  const again = await ensureSearchKey(admin);
  assert.is(again.uid, key.uid);
  const stored = await admin.client.getKey(key.uid);
  assert.equal(stored.actions, ["search"]);
  assert.equal(stored.indexes, [admin.config.indexName]);
  assert.not.ok(JSON.stringify(key).includes(key.key));
  const asLearner = createMeiliClient(url, key.key, 5000);
  const error = await asLearner
    .index(admin.config.indexName)
    .addDocuments([{ id: "x" }])
    .catch((caught: unknown) => caught);
  assert.ok(error instanceof Error);
});

test("a tenant token cannot see another audience's items, even with its own filter", async () => {
  const key = await ensureSearchKey(admin);
  const token = await createTenantToken(key, { audiences: ["finance"] });
  assert.not.ok(token.includes(key.key));
  // A second client, as a learner's browser would hold it: only the token, no other key.
  const learner = createSearchReader(
    { url, tenantToken: token },
    { indexName: admin.config.indexName },
  );
  const seen = await searchContent(learner, { q: "roadmap", audiences: ["finance", "legal"] });
  assert.equal(seen.hits.map((hit) => hit.item.id).sort(), ["finance", "public"]);
  // Raw filters straight to Meilisearch are ANDed with the token's rules on the server.
  const raw = createMeiliClient(url, token, 5000).index(admin.config.indexName);
  const widened = await raw.search("roadmap", {
    filter: 'readableBy = "legal" OR moderation = "hidden"',
  });
  assert.equal(widened.hits, []);
  const other = await raw.search("roadmap", { filter: 'readableBy = "*"' });
  assert.equal(
    other.hits.map((hit) => hit.id),
    ["public"],
  );
});

test("a tenant token is all a search needs: it sees public items and its audiences", async () => {
  const key = await ensureSearchKey(admin);
  const token = await createTenantToken(key, { audiences: ["finance"] });
  const options = { indexName: admin.config.indexName };
  const learner = createSearchReader({ url, tenantToken: token }, options);
  const ids = async (audiences?: string[]) =>
    (await searchContent(learner, { q: "roadmap", ...(audiences ? { audiences } : {}) })).hits
      .map((hit) => hit.item.id)
      .sort();
  assert.equal(await ids(), ["finance", "public"]);
  // Audiences a query names narrow what the token allows, never widen it.
  assert.equal(await ids([]), ["public"]);
  // The same token given as a plain key is searched as one: public items unless a query says.
  const asKey = createSearchReader({ url, apiKey: token }, options);
  const seen = await searchContent(asKey, { q: "roadmap" });
  assert.equal(
    seen.hits.map((hit) => hit.item.id),
    ["public"],
  );
});

test("an expired token is refused", async () => {
  const key = await ensureSearchKey(admin);
  const token = await createTenantToken(key, {
    audiences: [],
    ttlSeconds: 60,
    now: new Date(Date.now() - 3_600_000),
  });
  const learner = createSearchReader({ url, apiKey: token }, { indexName: admin.config.indexName });
  const error = await searchContent(learner, { q: "roadmap" }).catch((caught: unknown) => caught);
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "REQUEST_FAILED");
  assert.not.ok(error.message.includes(token));
});

test.run();
