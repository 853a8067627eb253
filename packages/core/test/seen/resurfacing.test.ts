import { dueSaves, resurfaceDueAt, resurfaceIntervalDays } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

const DAY = 86_400_000;
const intervals = [2, 7, 21];

test("intervals grow: the configured ones, then three times the last each time", () => {
  assert.equal(
    [0, 1, 2, 3, 4].map((n) => resurfaceIntervalDays(n, intervals)),
    [2, 7, 21, 63, 189],
  );
});

test("a save is due one interval after it was saved or last came back", () => {
  const saved = { itemId: "a", savedAt: new Date(0).toISOString(), resurfacedCount: 0 };
  assert.is(resurfaceDueAt(saved, intervals), 2 * DAY);
  const again = { ...saved, resurfacedCount: 1, lastResurfacedAt: new Date(3 * DAY).toISOString() };
  assert.is(resurfaceDueAt(again, intervals), 10 * DAY);
});

test("lists only due saves, most overdue first", () => {
  const save = (itemId: string, savedDay: number) => ({
    itemId,
    savedAt: new Date(savedDay * DAY).toISOString(),
    resurfacedCount: 0,
  });
  const due = dueSaves(
    { saved: [save("late", 5), save("early", 1), save("not-yet", 9)] },
    10 * DAY,
    intervals,
  );
  assert.equal(
    due.map((saved) => saved.itemId),
    ["early", "late"],
  );
});

test.run();
