import { createRandom } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { explorationSlots } from "../../src/sampling/exploration.ts";

test("a whole share gives a fixed count", () => {
  assert.is(explorationSlots(10, 0.2, createRandom(1)), 2);
  assert.is(explorationSlots(10, 0, createRandom(1)), 0);
  assert.is(explorationSlots(4, 1, createRandom(1)), 4);
});

test("a fractional share is met on average", () => {
  const random = createRandom(3);
  let total = 0;
  const drops = 20_000;
  for (let i = 0; i < drops; i++) total += explorationSlots(3, 0.2, random);
  assert.ok(Math.abs(total / drops - 0.6) < 0.02, String(total / drops));
});

test.run();
