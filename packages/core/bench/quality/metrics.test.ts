import { test } from "uvu";
import * as assert from "uvu/assert";
import { calibrationKL, gini, intraListDiversity, jaccard, positionWeight } from "./metrics.ts";

test("Gini is 0 for equal shares and (n−1)/n when one holds everything", () => {
  assert.is(gini([3, 3, 3, 3]), 0);
  assert.ok(Math.abs(gini([0, 0, 0, 8]) - 0.75) < 1e-12);
  assert.is(gini([]), 0);
});

test("calibration KL is 0 when the list mirrors the taste and grows as it drifts", () => {
  const taste = new Map([
    ["a", 0.5],
    ["b", 0.5],
  ]);
  assert.ok(calibrationKL(taste, [["a"], ["b"]]) < 1e-12);
  const drift = calibrationKL(taste, [["a"], ["a"], ["a"], ["b"]]);
  const gone = calibrationKL(taste, [["a"], ["a"]]);
  assert.ok(drift > 0 && gone > drift);
  assert.ok(Number.isFinite(gone));
});

test("intra-list diversity is 0 for one topic and 1 for disjoint topics", () => {
  assert.is(intraListDiversity([["a"], ["a"]]), 0);
  assert.is(intraListDiversity([["a"], ["b"], ["c"]]), 1);
  assert.is(jaccard(["a", "b"], ["b", "c"]), 1 / 3);
});

test("position weights fall like DCG", () => {
  assert.is(positionWeight(0), 1);
  assert.ok(positionWeight(1) < 1 && positionWeight(9) < positionWeight(1));
});

test.run();
