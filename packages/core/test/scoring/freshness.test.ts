import { DEFAULT_RANKING_CONFIG, freshness } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const HOUR = 3_600_000;
const { halfLifeHours } = DEFAULT_RANKING_CONFIG;

test("halves once per half-life", () => {
  assert.is(freshness(0, 10), 1);
  assert.ok(Math.abs(freshness(10 * HOUR, 10) - 0.5) < 1e-12);
  assert.ok(Math.abs(freshness(30 * HOUR, 10) - 0.125) < 1e-12);
});

test("an item from the future counts as new, not as fresher than new", () => {
  assert.is(freshness(-5 * HOUR, 10), 1);
});

test("news-like posts fade in hours, articles in weeks, courses in months", () => {
  assert.ok(halfLifeHours.post <= 48);
  assert.ok(halfLifeHours.article >= 7 * 24 && halfLifeHours.article < 60 * 24);
  assert.ok(halfLifeHours.course >= 60 * 24);
  const threeDays = 72 * HOUR;
  assert.ok(freshness(threeDays, halfLifeHours.post) < 0.1);
  assert.ok(freshness(threeDays, halfLifeHours.article) > 0.8);
  assert.ok(
    freshness(threeDays, halfLifeHours.course) > freshness(threeDays, halfLifeHours.article),
  );
});

test.run();
