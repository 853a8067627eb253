import type { RankingConfig } from "../config/ranking-config.ts";

const DAY_MS = 86_400_000;

/**
 * Score multiplier after the learner asked for less of an expert or topic: 0 (hard-filtered)
 * during the hold, then a linear ramp back to 1, so the request is honoured at once but not
 * forever.
 */
export function fatigueMultiplier(
  askedAtMs: number | undefined,
  now: number,
  fatigue: RankingConfig["fatigue"],
): number {
  if (askedAtMs === undefined) return 1;
  const sinceDays = (now - askedAtMs) / DAY_MS;
  if (sinceDays < fatigue.holdDays) return 0;
  if (fatigue.rampDays <= 0) return 1;
  return Math.min(1, (sinceDays - fatigue.holdDays) / fatigue.rampDays);
}
