import assert from "node:assert/strict";
import type { SeenStore } from "../seen/seen-store.ts";

export interface ContractCase {
  readonly name: string;
  run(store: SeenStore): Promise<void>;
}

const T0 = Date.UTC(2026, 0, 1);
const HOUR = 3_600_000;

/**
 * The behaviour every SeenStore must have. Register each case with your test runner, giving it a
 * fresh store, e.g. `for (const c of seenStoreContract) test(c.name, async () => c.run(await make()))`.
 */
export const seenStoreContract: readonly ContractCase[] = [
  {
    name: "remembers what a learner saw",
    async run(store) {
      await store.markSeen("ada", ["a", "b"], T0);
      assert.deepEqual([...(await store.seenSince("ada", T0))].sort(), ["a", "b"]);
    },
  },
  {
    name: "knows nothing of a learner it never heard of",
    async run(store) {
      assert.equal((await store.seenSince("nobody", 0)).size, 0);
    },
  },
  {
    name: "leaves out items seen before the window",
    async run(store) {
      await store.markSeen("ada", ["old"], T0);
      await store.markSeen("ada", ["new"], T0 + 2 * HOUR);
      assert.deepEqual([...(await store.seenSince("ada", T0 + HOUR))], ["new"]);
    },
  },
  {
    name: "counts the latest sighting when an item is seen again",
    async run(store) {
      await store.markSeen("ada", ["a"], T0);
      await store.markSeen("ada", ["a"], T0 + 2 * HOUR);
      assert.deepEqual([...(await store.seenSince("ada", T0 + HOUR))], ["a"]);
    },
  },
  {
    name: "never moves a sighting back in time",
    async run(store) {
      await store.markSeen("ada", ["a"], T0 + 2 * HOUR);
      await store.markSeen("ada", ["a"], T0);
      assert.deepEqual([...(await store.seenSince("ada", T0 + HOUR))], ["a"]);
    },
  },
  {
    name: "keeps learners apart",
    async run(store) {
      await store.markSeen("ada", ["a"], T0);
      await store.markSeen("grace", ["g"], T0);
      assert.deepEqual([...(await store.seenSince("ada", 0))], ["a"]);
      assert.deepEqual([...(await store.seenSince("grace", 0))], ["g"]);
    },
  },
  {
    name: "treats an empty batch as nothing seen",
    async run(store) {
      await store.markSeen("ada", [], T0);
      assert.equal((await store.seenSince("ada", 0)).size, 0);
    },
  },
  {
    name: "forgets a learner entirely, and only that learner",
    async run(store) {
      await store.markSeen("ada", ["a"], T0);
      await store.markSeen("grace", ["g"], T0);
      await store.forget("ada");
      assert.equal((await store.seenSince("ada", 0)).size, 0);
      assert.equal((await store.seenSince("grace", 0)).size, 1);
    },
  },
  {
    name: "hands out a copy that later writes do not change",
    async run(store) {
      await store.markSeen("ada", ["a"], T0);
      const before = await store.seenSince("ada", 0);
      await store.markSeen("ada", ["b"], T0 + HOUR);
      assert.deepEqual([...before], ["a"]);
    },
  },
  {
    name: "keeps ids exactly as given",
    async run(store) {
      const ids = ["A-1", "a-1", "x_".repeat(200)];
      await store.markSeen("ada", ids, T0);
      assert.deepEqual([...(await store.seenSince("ada", 0))].sort(), [...ids].sort());
    },
  },
];
