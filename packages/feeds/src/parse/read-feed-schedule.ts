import type { FeedSchedule, Weekday } from "./parsed-feed.ts";
import { isRecord, listOf, textOf } from "./xml-value.ts";

const WEEKDAYS: readonly Weekday[] = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];

function integer(value: unknown): number {
  return Number.parseInt(textOf(value)?.trim() ?? "", 10);
}

function hours(skipHours: unknown): number[] {
  const values = listOf(isRecord(skipHours) ? skipHours.hour : undefined)
    .map(integer)
    .filter((hour) => Number.isInteger(hour) && hour >= 0 && hour <= 24)
    // Some feeds count 1–24: hour 24 is midnight, hour 0 in the RSS 2.0 spelling.
    .map((hour) => hour % 24);
  return [...new Set(values)].sort((a, b) => a - b);
}

function days(skipDays: unknown): Weekday[] {
  const named = listOf(isRecord(skipDays) ? skipDays.day : undefined).map((day) =>
    textOf(day)?.trim().toLowerCase(),
  );
  return WEEKDAYS.filter((weekday) => named.includes(weekday.toLowerCase()));
}

/** Reads RSS `<ttl>`, `<skipHours>` and `<skipDays>`, ignoring values that make no sense. */
export function readFeedSchedule(channel: Record<string, unknown>): FeedSchedule {
  const ttl = integer(channel.ttl);
  return {
    ...(Number.isInteger(ttl) && ttl > 0 ? { ttlMinutes: ttl } : {}),
    skipHours: hours(channel.skipHours),
    skipDays: days(channel.skipDays),
  };
}
