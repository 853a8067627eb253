import { createSearchAdmin } from "@sightline/search";
import { test } from "uvu";
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

test.run();
