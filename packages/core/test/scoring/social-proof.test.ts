import {
  DEFAULT_RANKING_CONFIG,
  positiveSignals,
  socialProof,
  wilsonLowerBound,
} from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { item } from "../fixtures.ts";

test("the Wilson bound trusts large samples more than small ones with the same ratio", () => {
  const small = wilsonLowerBound(3, 4, 1.96);
  const large = wilsonLowerBound(300, 400, 1.96);
  assert.ok(small < large, `${small} < ${large}`);
  assert.ok(large < 0.75 && large > 0.7);
  assert.is(wilsonLowerBound(0, 0, 1.96), 0);
});

test("matches the textbook value for 50 of 100", () => {
  assert.ok(Math.abs(wilsonLowerBound(50, 100, 1.96) - 0.4038) < 1e-3);
});

test("dismissals cancel positive signals", () => {
  assert.is(positiveSignals(item({ likeCount: 4, shareCount: 1, dismissCount: 2 })), 3);
  assert.is(positiveSignals(item({ likeCount: 1, dismissCount: 5 })), 0);
});

test("no colleague signal means no social proof", () => {
  assert.is(socialProof(item(), 1, DEFAULT_RANKING_CONFIG), 0);
});

test("more likes over the same impressions lift an item", () => {
  const few = socialProof(item({ likeCount: 2, impressionCount: 100 }), 24, DEFAULT_RANKING_CONFIG);
  const many = socialProof(
    item({ likeCount: 40, impressionCount: 100 }),
    24,
    DEFAULT_RANKING_CONFIG,
  );
  assert.ok(many > few);
  assert.ok(many <= 1);
});

test("gravity: the same counts weigh less as the item ages", () => {
  const counts = item({ likeCount: 10, impressionCount: 50 });
  const young = socialProof(counts, 2, DEFAULT_RANKING_CONFIG);
  const old = socialProof(counts, 24 * 30, DEFAULT_RANKING_CONFIG);
  assert.ok(young > old, `${young} > ${old}`);
  assert.ok(old > 0, "the Wilson part does not decay");
});

test.run();
