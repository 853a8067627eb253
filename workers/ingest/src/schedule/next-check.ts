import type { FetchStatus } from "@sightline/feeds";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export interface SchedulePolicy {
  /** Never check a healthy feed more often than this… */
  readonly minIntervalMs: number;
  /** …nor less often than this. */
  readonly maxIntervalMs: number;
  /** First retry after a failure; each further failure doubles it. */
  readonly backoffBaseMs: number;
  readonly maxBackoffMs: number;
  /** ± share of the interval added at random, so feeds of one host do not fall due together. */
  readonly jitter: number;
}

export interface CheckOutcome {
  readonly status: FetchStatus;
  /** Consecutive failures including this one; 0 after a success. */
  readonly errorCount: number;
  /** Publication times (ms) of the feed's recent items: how often it posts. */
  readonly recentItemTimes: readonly number[];
  readonly ttlMinutes?: number;
  readonly maxAgeMs?: number;
  readonly expiresAt?: number;
  readonly retryAfterMs?: number;
  /** Hours of the day (0–23, GMT) and weekdays in which the feed asks not to be fetched. */
  readonly skipHours?: readonly number[];
  readonly skipDays?: readonly string[];
}

export type NextCheck =
  | { readonly disabled: false; readonly at: number; readonly reason: string }
  | { readonly disabled: true; readonly reason: string };

/**
 * When to look at a feed again. A healthy feed is checked about as often as it posts (a feed
 * that posts daily, about twice a day; a quiet one rarely), within the policy's bounds, and never
 * sooner than its own `<ttl>`, Cache-Control max-age, Expires or Retry-After ask. A failing feed
 * backs off exponentially but is always retried; only 410 Gone disables it. The time lands
 * outside the feed's skipHours/skipDays. `random` returns a number in [0, 1).
 */
export function nextCheck(
  outcome: CheckOutcome,
  now: number,
  policy: SchedulePolicy,
  random: () => number,
): NextCheck {
  if (outcome.status === "gone") {
    return { disabled: true, reason: "the server answered 410 Gone: the feed was removed" };
  }
  const healthy = outcome.status === "ok" || outcome.status === "unchanged";
  let interval = healthy
    ? postingInterval(outcome.recentItemTimes, now, policy)
    : Math.min(
        policy.maxBackoffMs,
        policy.backoffBaseMs * 2 ** Math.max(0, outcome.errorCount - 1),
      );
  let reason = healthy ? "posting frequency" : `backoff after ${outcome.errorCount} failure(s)`;
  for (const [floor, why] of serverFloors(outcome, now)) {
    if (floor > interval) {
      interval = floor;
      reason = why;
    }
  }
  const jittered = interval * (1 + policy.jitter * (2 * random() - 1));
  const at = outsideSkipped(now + Math.max(policy.minIntervalMs / 2, jittered), outcome);
  return { disabled: false, at, reason };
}

/** How far back posting frequency looks: items older than this say nothing about it. */
const POSTING_WINDOW_MS = 4 * WEEK;

/**
 * The publication times worth remembering for `nextCheck`: those in its window (and any dated
 * ahead, which will enter it), newest first, at most `limit`. Older ones would only make every
 * saved feed state larger to load and save.
 */
export function postingTimesToKeep(times: readonly number[], now: number, limit: number): number[] {
  return times
    .filter((time) => time > now - POSTING_WINDOW_MS)
    .sort((a, b) => b - a)
    .slice(0, limit);
}

/** One week divided by the posts of the last four weeks' average week, halved, clamped. */
function postingInterval(times: readonly number[], now: number, policy: SchedulePolicy): number {
  const recent = times.filter((time) => time <= now && time > now - POSTING_WINDOW_MS).length;
  const perWeek = recent / (POSTING_WINDOW_MS / WEEK);
  const interval = perWeek === 0 ? policy.maxIntervalMs : WEEK / perWeek / 2;
  return Math.min(policy.maxIntervalMs, Math.max(policy.minIntervalMs, interval));
}

function serverFloors(outcome: CheckOutcome, now: number): [number, string][] {
  const floors: [number, string][] = [];
  if (outcome.ttlMinutes !== undefined)
    floors.push([outcome.ttlMinutes * MINUTE, "the feed's <ttl>"]);
  if (outcome.maxAgeMs !== undefined) floors.push([outcome.maxAgeMs, "Cache-Control max-age"]);
  if (outcome.expiresAt !== undefined) floors.push([outcome.expiresAt - now, "Expires"]);
  if (outcome.retryAfterMs !== undefined) floors.push([outcome.retryAfterMs, "Retry-After"]);
  return floors;
}

/** Moves a time forward, hour by hour, until it is in neither a skipped hour nor a skipped day. */
function outsideSkipped(at: number, outcome: CheckOutcome): number {
  const hours = new Set(outcome.skipHours ?? []);
  const days = new Set(outcome.skipDays ?? []);
  if (hours.size === 0 && days.size === 0) return at;
  let candidate = at;
  // A week of hours covers every combination; a feed that skips all of them is not honoured.
  for (let step = 0; step < 7 * 24; step++) {
    const date = new Date(candidate);
    if (!hours.has(date.getUTCHours()) && !days.has(WEEKDAYS[date.getUTCDay()] as string)) {
      return candidate;
    }
    candidate = Math.floor(candidate / HOUR) * HOUR + HOUR;
  }
  return at;
}
