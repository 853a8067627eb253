import { type Cadence, dropKeyFor, nextDropTime, SightlineError } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const weekdays: Cadence = {
  itemsPerDrop: 5,
  schedule: "0 9 * * 1-5",
  timezone: "America/New_York",
};

test("reads the schedule in the learner's time zone, daylight saving included", () => {
  // 9:00 in New York is 13:00 UTC in summer and 14:00 UTC in winter.
  assert.is(
    new Date(nextDropTime(weekdays, Date.UTC(2026, 6, 1, 0))).toISOString(),
    "2026-07-01T13:00:00.000Z",
  );
  assert.is(
    new Date(nextDropTime(weekdays, Date.UTC(2026, 11, 1, 0))).toISOString(),
    "2026-12-01T14:00:00.000Z",
  );
});

test("the next time is strictly after the given one", () => {
  const first = nextDropTime(weekdays, Date.UTC(2026, 6, 1, 0));
  assert.ok(nextDropTime(weekdays, first) > first);
});

test("weekends are skipped by a weekday schedule", () => {
  // Friday 2026-07-03 15:00 UTC is after that day's drop: the next is Monday.
  assert.is(
    new Date(nextDropTime(weekdays, Date.UTC(2026, 6, 3, 15))).toISOString(),
    "2026-07-06T13:00:00.000Z",
  );
});

test("a schedule that can never fire is a clear error", () => {
  try {
    nextDropTime({ ...weekdays, schedule: "0 9 31 2 *" }, Date.UTC(2026, 0, 1));
    assert.unreachable();
  } catch (error) {
    assert.instance(error, SightlineError);
    assert.is((error as SightlineError).code, "INVALID_SCHEDULE");
    assert.match((error as Error).message, /0 9 31 2 \*/);
  }
});

test("drop keys name the slot", () => {
  assert.is(dropKeyFor(Date.UTC(2026, 6, 1, 13)), "2026-07-01T13:00:00.000Z");
});

test.run();
