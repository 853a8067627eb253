import { test } from "uvu";
import * as assert from "uvu/assert";
import { pollDelays } from "../../src/tasks/poll-delays.ts";

test("polls start 2 ms apart and wait a quarter longer each time, up to the interval", () => {
  const delays = pollDelays(50);
  const first = Array.from({ length: 30 }, () => delays.next().value);
  assert.is(first[0], 2);
  for (let i = 1; i < first.length; i++) {
    const [before, now] = [first[i - 1] as number, first[i] as number];
    assert.ok(now <= before * 1.25 + 1e-9 && now >= Math.min(before, 50), `${before} → ${now}`);
  }
  assert.is(first.at(-1), 50);
  // A 20 ms task is noticed within a fifth of its time, where doubling from 5 ms took 35 ms.
  let at = 0;
  for (const delay of pollDelays(50)) {
    at += delay;
    if (at >= 20) break;
  }
  assert.ok(at <= 24, `noticed at ${at} ms`);
});

test.run();
