import * as assert from "uvu/assert";
import { freshFeedState } from "../../src/state/feed-state.ts";
import type { FeedStateStore } from "../../src/state/feed-state-store.ts";

/** The behaviour every FeedStateStore must have; each case gets a fresh, empty store. */
export const feedStateStoreContract: readonly {
  name: string;
  run(store: FeedStateStore): Promise<void>;
}[] = [
  {
    name: "starts empty",
    async run(store) {
      assert.is((await store.loadAll()).size, 0);
    },
  },
  {
    name: "gives back what was saved, field for field",
    async run(store) {
      const state = {
        ...freshFeedState("ada-blog", "https://ada.example.com/feed", "ada"),
        etag: '"v7"',
        lastModified: "Mon, 02 Nov 2026 09:00:00 GMT",
        bodyHash: "abc",
        nextCheckAt: 1_800_000_000_000,
        errorCount: 2,
        lastError: { code: "TIMEOUT", message: "slow", at: 1_700_000_000_000 },
        recentItemTimes: [3, 2, 1],
      };
      await store.save([state]);
      assert.equal((await store.loadAll()).get("ada-blog"), state);
    },
  },
  {
    name: "a later save replaces the earlier one, and cleared fields stay cleared",
    async run(store) {
      const failing = {
        ...freshFeedState("f", "https://x.example.com/f", "x"),
        errorCount: 1,
        lastError: { code: "E", message: "m", at: 1 },
      };
      await store.save([failing]);
      const healed = freshFeedState("f", "https://x.example.com/f", "x");
      await store.save([healed]);
      const loaded = (await store.loadAll()).get("f");
      assert.equal(loaded, healed);
      assert.not.ok(loaded !== undefined && "lastError" in loaded);
    },
  },
  {
    name: "keeps many feeds apart",
    async run(store) {
      const states = Array.from({ length: 1500 }, (_, i) =>
        freshFeedState(`feed-${i}`, `https://x.example.com/${i}`, "x"),
      );
      await store.save(states);
      const loaded = await store.loadAll();
      assert.is(loaded.size, 1500);
      assert.is(loaded.get("feed-1499")?.url, "https://x.example.com/1499");
    },
  },
];
