import type { LearnerProfile, SavedItem } from "../schemas/learner-profile.ts";

const DAY_MS = 86_400_000;

/**
 * Gap before a saved item's next return: the configured intervals in order, then each gap three
 * times the last, so a save keeps coming back, ever more rarely (spaced repetition).
 */
export function resurfaceIntervalDays(
  resurfacedCount: number,
  intervalsDays: readonly number[],
): number {
  const last = intervalsDays.length - 1;
  if (resurfacedCount <= last) return intervalsDays[resurfacedCount] as number;
  return (intervalsDays[last] as number) * 3 ** (resurfacedCount - last);
}

export function resurfaceDueAt(saved: SavedItem, intervalsDays: readonly number[]): number {
  const from = Date.parse(saved.lastResurfacedAt ?? saved.savedAt);
  return from + resurfaceIntervalDays(saved.resurfacedCount, intervalsDays) * DAY_MS;
}

/** Saved items due to come back at `now`, most overdue first. */
export function dueSaves(
  profile: Pick<LearnerProfile, "saved">,
  now: number,
  intervalsDays: readonly number[],
): SavedItem[] {
  return profile.saved
    .map((saved) => ({ saved, dueAt: resurfaceDueAt(saved, intervalsDays) }))
    .filter((entry) => entry.dueAt <= now)
    .sort((a, b) => a.dueAt - b.dueAt || a.saved.itemId.localeCompare(b.saved.itemId))
    .map((entry) => entry.saved);
}
