import { InMemorySeenStore } from "@sightline/core";
import { seenStoreContract } from "@sightline/core/testing";
import { test } from "uvu";
import * as assert from "uvu/assert";

for (const contract of seenStoreContract) {
  test(`SeenStore contract (in memory): ${contract.name}`, () =>
    contract.run(new InMemorySeenStore()));
}

test("prunes sightings older than the retention so memory stays bounded", () => {
  const store = new InMemorySeenStore({ retainMs: 1_000 });
  store.markSeen("ada", ["old"], 0);
  store.markSeen("ada", ["new"], 5_000);
  assert.equal([...store.seenSince("ada", Number.NEGATIVE_INFINITY)], ["new"]);
});

test.run();
