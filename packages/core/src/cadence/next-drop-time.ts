import { Cron } from "croner";
import { SightlineError } from "../errors.ts";
import type { Cadence } from "../schemas/learner-profile.ts";

/** The first drop time strictly after `after` (ms) in the learner's schedule and time zone. */
export function nextDropTime(cadence: Cadence, after: number): number {
  const next = cronFor(cadence).nextRun(new Date(after));
  if (next === null) {
    throw new SightlineError(
      "INVALID_SCHEDULE",
      `cadence.schedule "${cadence.schedule}" never fires after ${new Date(after).toISOString()}: use a recurring expression such as "0 9 * * 1-5".`,
    );
  }
  return next.getTime();
}

/** The drop key of a scheduled time: refreshing within one slot gives the same drop. */
export function dropKeyFor(at: number): string {
  return new Date(at).toISOString();
}

/** Whether a five-field cron expression parses; used by the profile schema. */
export function isCronExpression(schedule: string): boolean {
  try {
    new Cron(schedule, { paused: true, mode: "5-part" });
    return true;
  } catch {
    return false;
  }
}

function cronFor(cadence: Cadence): Cron {
  try {
    return new Cron(cadence.schedule, { timezone: cadence.timezone, paused: true, mode: "5-part" });
  } catch (error) {
    throw new SightlineError(
      "INVALID_SCHEDULE",
      `cadence.schedule "${cadence.schedule}" is not a five-field cron expression (${(error as Error).message}); for example "0 9 * * 1-5" is weekdays at nine.`,
      { cause: error },
    );
  }
}
