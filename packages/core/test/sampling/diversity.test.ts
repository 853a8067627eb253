import { arrangeWithoutAdjacency, DiversityGuard, maxPerTopicFor } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("caps items per expert and per topic", () => {
  const guard = new DiversityGuard(2, 1);
  assert.ok(guard.admits(0, [7]));
  guard.add(0, [7]);
  assert.not.ok(guard.admits(1, [7]), "topic 7 is full");
  assert.ok(guard.admits(0, [8]));
  guard.add(0, [8]);
  assert.not.ok(guard.admits(0, [9]), "expert 0 is full");
});

test("the topic cap is a share of the drop, never below one", () => {
  assert.is(maxPerTopicFor(10, 0.5), 5);
  assert.is(maxPerTopicFor(1, 0.1), 1);
});

test("never puts two items of one expert side by side, keeping order where it can", () => {
  const { arranged, left } = arrangeWithoutAdjacency([1, 1, 2, 3, 3, 4], (e) => e);
  assert.equal(left, []);
  for (let i = 1; i < arranged.length; i++) assert.is.not(arranged[i], arranged[i - 1]);
  assert.is(arranged[0], 1);
});

test("spreads a majority expert so none is stranded at the end", () => {
  const { arranged, left } = arrangeWithoutAdjacency([2, 3, 1, 1, 1], (e) => e);
  assert.equal(left, []);
  assert.equal(arranged, [1, 2, 1, 3, 1]);
});

test("returns what cannot be placed rather than breaking the rule", () => {
  const { arranged, left } = arrangeWithoutAdjacency([5, 5, 5], (e) => e);
  assert.equal(arranged, [5]);
  assert.equal(left, [5, 5]);
});

test.run();
