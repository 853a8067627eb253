import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  type CheckOutcome,
  nextCheck,
  postingTimesToKeep,
  type SchedulePolicy,
} from "../../src/schedule/next-check.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 10, 2, 10, 0); // a Monday
const policy: SchedulePolicy = {
  minIntervalMs: 15 * MINUTE,
  maxIntervalMs: DAY,
  backoffBaseMs: 15 * MINUTE,
  maxBackoffMs: DAY,
  jitter: 0,
};
const middle = () => 0.5;
const healthy = (overrides: Partial<CheckOutcome> = {}): CheckOutcome => ({
  status: "ok",
  errorCount: 0,
  recentItemTimes: [],
  ...overrides,
});
const at = (outcome: CheckOutcome, random = middle) => {
  const next = nextCheck(outcome, NOW, policy, random);
  if (next.disabled) throw new Error(next.reason);
  return next.at - NOW;
};

test("a feed that posts daily is checked about twice a day; a silent one once a day", () => {
  const daily = Array.from({ length: 28 }, (_, d) => NOW - d * DAY - HOUR);
  assert.is(at(healthy({ recentItemTimes: daily })), 12 * HOUR);
  assert.is(at(healthy()), DAY);
});

test("a very busy feed is not checked more often than the minimum", () => {
  const busy = Array.from({ length: 4000 }, (_, i) => NOW - i * 10 * MINUTE);
  assert.is(at(healthy({ recentItemTimes: busy })), 15 * MINUTE);
});

test("never sooner than the feed's ttl, max-age, Expires or Retry-After", () => {
  const daily = Array.from({ length: 28 }, (_, d) => NOW - d * DAY);
  assert.is(at(healthy({ recentItemTimes: daily, ttlMinutes: 18 * 60 })), 18 * HOUR);
  assert.is(at(healthy({ recentItemTimes: daily, maxAgeMs: 20 * HOUR })), 20 * HOUR);
  assert.is(at(healthy({ recentItemTimes: daily, expiresAt: NOW + 30 * HOUR })), 30 * HOUR);
  assert.is(
    at({ status: "rate-limited", errorCount: 1, recentItemTimes: [], retryAfterMs: 3 * HOUR }),
    3 * HOUR,
  );
});

test("failures back off exponentially up to a cap, and are always retried", () => {
  const failing = (errorCount: number): CheckOutcome => ({
    status: "server-error",
    errorCount,
    recentItemTimes: [],
  });
  assert.equal(
    [1, 2, 3, 4].map((n) => at(failing(n))),
    [15 * MINUTE, 30 * MINUTE, 60 * MINUTE, 120 * MINUTE],
  );
  assert.is(at(failing(30)), DAY);
});

test("410 Gone disables the feed with its reason", () => {
  const next = nextCheck(
    { status: "gone", errorCount: 1, recentItemTimes: [] },
    NOW,
    policy,
    middle,
  );
  assert.ok(next.disabled);
  assert.match(next.reason, /410/);
});

test("jitter spreads feeds within ± the configured share", () => {
  const jittery = { ...policy, jitter: 0.1 };
  const low = nextCheck(healthy(), NOW, jittery, () => 0);
  const high = nextCheck(healthy(), NOW, jittery, () => 0.999999);
  assert.ok(!low.disabled && !high.disabled);
  if (!low.disabled && !high.disabled) {
    assert.ok(Math.abs(low.at - NOW - 0.9 * DAY) < 1);
    assert.ok(Math.abs(high.at - NOW - 1.1 * DAY) < 1000);
  }
});

test("skipHours and skipDays push the check to the next allowed hour", () => {
  // Due Monday 22:00 GMT; hours 22–23 and all of Tuesday are skipped: Wednesday 00:00.
  const daily = Array.from({ length: 28 }, (_, d) => NOW - d * DAY);
  const outcome = healthy({ recentItemTimes: daily, skipHours: [22, 23], skipDays: ["Tuesday"] });
  assert.is(new Date(NOW + at(outcome)).toISOString(), "2026-11-04T00:00:00.000Z");
});

test("only publication times that can still count are kept: the window's, newest first, capped", () => {
  const week = 7 * DAY;
  const times = [NOW - 5 * week, NOW - 3 * week, NOW + HOUR, NOW - DAY, NOW - 4 * week];
  assert.equal(postingTimesToKeep(times, NOW, 10), [NOW + HOUR, NOW - DAY, NOW - 3 * week]);
  assert.equal(postingTimesToKeep(times, NOW, 2), [NOW + HOUR, NOW - DAY]);
  // Whatever was dropped, the next check is the same.
  const daily = Array.from({ length: 60 }, (_, n) => NOW - n * DAY);
  const kept = postingTimesToKeep(daily, NOW, 100);
  assert.ok(kept.length < daily.length);
  assert.is(at(healthy({ recentItemTimes: kept })), at(healthy({ recentItemTimes: daily })));
});

test.run();
