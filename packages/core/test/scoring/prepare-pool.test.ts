import { DEFAULT_RANKING_CONFIG, preparePool } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EXPERTS, item, NOW } from "../fixtures.ts";

test("a later copy of an id replaces the earlier one, moderation included", () => {
  const first = item({ id: "x", title: "first" });
  const prepared = preparePool([first, item({ id: "y" }), { ...first, title: "edited" }], {
    now: NOW,
    config: DEFAULT_RANKING_CONFIG,
  });
  assert.is(prepared.items.length, 2);
  assert.is(prepared.items[prepared.indexById.get("x") as number]?.title, "edited");
  const hidden = preparePool([first, { ...first, moderation: "hidden" }], {
    now: NOW,
    config: DEFAULT_RANKING_CONFIG,
  });
  assert.is(hidden.items.length, 0);
});

test("unknown experts get the configured default trust, known ones their own", () => {
  const prepared = preparePool([item({ expertId: "ada" }), item({ expertId: "stranger" })], {
    experts: EXPERTS,
    now: NOW,
    config: DEFAULT_RANKING_CONFIG,
  });
  assert.is(prepared.expertTrust[prepared.expertIndexById.get("ada") as number], 0.9);
  assert.is(
    prepared.expertTrust[prepared.expertIndexById.get("stranger") as number],
    DEFAULT_RANKING_CONFIG.unknownExpertTrust,
  );
  assert.is(prepared.expertNames[prepared.expertIndexById.get("ada") as number], "Ada Lovelace");
});

test("the base score mixes trust, freshness and social proof with the configured weights", () => {
  const prepared = preparePool([item({ likeCount: 5, impressionCount: 10 })], {
    experts: EXPERTS,
    now: NOW,
    config: DEFAULT_RANKING_CONFIG,
  });
  const { weights } = DEFAULT_RANKING_CONFIG;
  const expected =
    weights.trust * 0.9 +
    weights.freshness * (prepared.freshness[0] as number) +
    weights.social * (prepared.social[0] as number);
  assert.ok(Math.abs((prepared.base[0] as number) - expected) < 1e-12);
});

test.run();
