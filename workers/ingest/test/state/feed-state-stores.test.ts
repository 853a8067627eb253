import { createSearchAdmin } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testMeilisearch,
  uniqueIndexName,
} from "../../../../packages/search/test/meilisearch-for-tests.ts";
import { InMemoryFeedStateStore } from "../../src/state/in-memory-feed-state-store.ts";
import { MeilisearchFeedStateStore } from "../../src/state/meilisearch-feed-state-store.ts";
import { feedStateStoreContract } from "./feed-state-store.contract.ts";

test.after(closeTestMeilisearch);

for (const contract of feedStateStoreContract) {
  test(`FeedStateStore contract (in memory): ${contract.name}`, () =>
    contract.run(new InMemoryFeedStateStore()));
  test(`FeedStateStore contract (Meilisearch): ${contract.name}`, async () => {
    const admin = createSearchAdmin(await testMeilisearch());
    await contract.run(new MeilisearchFeedStateStore(admin, uniqueIndexName("feed-state")));
  });
}

test("the Meilisearch store's index does no search work: id searchable only, no prefix or facet search", async () => {
  const admin = createSearchAdmin(await testMeilisearch());
  const indexUid = uniqueIndexName("feed-state");
  await new MeilisearchFeedStateStore(admin, indexUid).loadAll();
  const settings = await admin.client.index(indexUid).getSettings();
  assert.equal(settings.searchableAttributes, ["id"]);
  assert.is(settings.prefixSearch, "disabled");
  assert.is(settings.facetSearch, false);
});

test.run();
