import { effectiveInterests, topicAffinity } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const DAY = 86_400_000;

test("is a noisy-or: two matching topics beat one, never above 1", () => {
  assert.is(topicAffinity([]), 0);
  assert.is(topicAffinity([0.5]), 0.5);
  assert.is(topicAffinity([0.5, 0.5]), 0.75);
  assert.is(topicAffinity([1, 0.3]), 1);
  assert.is(topicAffinity([0, 0]), 0);
});

test("out-of-range weights are clamped", () => {
  assert.is(topicAffinity([2]), 1);
  assert.is(topicAffinity([-1]), 0);
});

test("learned adjustments add to declared interests and decay with their half-life", () => {
  const at = Date.UTC(2026, 0, 1);
  const profile = {
    interests: { rust: 0.5 },
    learned: { rust: 0.4, go: 0.2 },
    learnedAt: new Date(at).toISOString(),
  };
  const fresh = effectiveInterests(profile, at, 30);
  assert.ok(Math.abs((fresh.get("rust") ?? 0) - 0.9) < 1e-12);
  assert.ok(Math.abs((fresh.get("go") ?? 0) - 0.2) < 1e-12);
  const later = effectiveInterests(profile, at + 30 * DAY, 30);
  assert.ok(Math.abs((later.get("rust") ?? 0) - 0.7) < 1e-12);
});

test("a negative adjustment can silence a topic but not go below zero", () => {
  const weights = effectiveInterests({ interests: { rust: 0.2 }, learned: { rust: -0.9 } }, 0, 30);
  assert.is(weights.get("rust"), 0);
});

test.run();
