import { createRandom, hashString32, seedFor } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("the same seed gives the same sequence; another seed another one", () => {
  const a = createRandom(42);
  const b = createRandom(42);
  const c = createRandom(43);
  const seqA = Array.from({ length: 5 }, () => a.next());
  assert.equal(
    Array.from({ length: 5 }, () => b.next()),
    seqA,
  );
  assert.not.equal(
    Array.from({ length: 5 }, () => c.next()),
    seqA,
  );
});

test("draws are uniform in [0, 1): every decile within 5 % of its share", () => {
  const random = createRandom(7);
  const bins = new Array(10).fill(0);
  const n = 100_000;
  for (let i = 0; i < n; i++) {
    const u = random.next();
    assert.ok(u >= 0 && u < 1);
    bins[Math.floor(u * 10)] += 1;
  }
  for (const count of bins) assert.ok(Math.abs(count - n / 10) < n / 200, String(count));
});

test("a drop's seed depends on both the learner and the drop key", () => {
  assert.is(seedFor("ada", "2026-11-02"), seedFor("ada", "2026-11-02"));
  assert.is.not(seedFor("ada", "2026-11-02"), seedFor("ada", "2026-11-03"));
  assert.is.not(seedFor("ada", "2026-11-02"), seedFor("grace", "2026-11-02"));
  // The separator keeps ("ab", "c") and ("a", "bc") apart.
  assert.is.not(seedFor("ab", "c"), seedFor("a", "bc"));
});

test("string hashes spread: no collisions among 50,000 similar ids", () => {
  const hashes = new Set<number>();
  for (let i = 0; i < 50_000; i++) hashes.add(hashString32(`item-${i}`));
  assert.ok(hashes.size > 49_990, String(hashes.size));
});

test.run();
