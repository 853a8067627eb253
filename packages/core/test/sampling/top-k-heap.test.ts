import { test } from "uvu";
import * as assert from "uvu/assert";
import { TopKHeap } from "../../src/sampling/top-k-heap.ts";

test("keeps exactly the k largest keys, largest first", () => {
  const heap = new TopKHeap(3);
  const keys = [5, 1, 9, 7, 3, 8, 2];
  keys.forEach((key, id) => {
    heap.offer(key, id);
  });
  assert.equal(
    heap.sorted().map((entry) => entry.key),
    [9, 8, 7],
  );
  assert.equal(
    heap.sorted().map((entry) => entry.id),
    [2, 5, 3],
  );
});

test("agrees with a full sort on random input", () => {
  let state = 1;
  const next = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const keys = Array.from({ length: 5000 }, next);
  const heap = new TopKHeap(50);
  keys.forEach((key, id) => {
    heap.offer(key, id);
  });
  const expected = keys
    .map((key, id) => ({ key, id }))
    .sort((a, b) => b.key - a.key)
    .slice(0, 50);
  assert.equal(heap.sorted(), expected);
});

test("ties keep the earlier id, so results are stable", () => {
  const heap = new TopKHeap(2);
  [1, 1, 1, 1].forEach((key, id) => {
    heap.offer(key, id);
  });
  assert.equal(
    heap.sorted().map((entry) => entry.id),
    [0, 1],
  );
});

test("reports its threshold only once full", () => {
  const heap = new TopKHeap(2);
  heap.offer(3, 0);
  assert.is(heap.threshold, Number.NEGATIVE_INFINITY);
  heap.offer(4, 1);
  assert.is(heap.threshold, 3);
});

test.run();
