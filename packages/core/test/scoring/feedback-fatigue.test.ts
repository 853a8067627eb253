import { DEFAULT_RANKING_CONFIG, fatigueMultiplier } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const DAY = 86_400_000;
const fatigue = { holdDays: 7, rampDays: 21 };

test("without a request there is no fatigue", () => {
  assert.is(fatigueMultiplier(undefined, 0, fatigue), 1);
});

test("hard-filters during the hold, then ramps back linearly", () => {
  const asked = 1_000 * DAY;
  assert.is(fatigueMultiplier(asked, asked, fatigue), 0);
  assert.is(fatigueMultiplier(asked, asked + 6.9 * DAY, fatigue), 0);
  assert.ok(
    Math.abs(fatigueMultiplier(asked, asked + 7 * DAY + 10.5 * DAY, fatigue) - 0.5) < 1e-12,
  );
  assert.is(fatigueMultiplier(asked, asked + 40 * DAY, fatigue), 1);
});

test("defaults hold for a week", () => {
  assert.is(DEFAULT_RANKING_CONFIG.fatigue.holdDays, 7);
});

test.run();
