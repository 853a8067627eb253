import { test } from "uvu";
import * as assert from "uvu/assert";
import { inBatches } from "../../src/writes/in-batches.ts";

test("slices of at most `size`, in order", () => {
  assert.equal(inBatches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.equal(inBatches([], 2), []);
});

test("with a weight, a slice also stays within the maximum; an item over it goes alone", () => {
  const weigh = (n: number) => n;
  assert.equal(inBatches([4, 4, 4, 1, 9, 1], 10, weigh, 8), [[4, 4], [4, 1], [9], [1]]);
  assert.equal(inBatches([1, 1, 1, 1], 3, weigh, 100), [[1, 1, 1], [1]]);
});

test.run();
