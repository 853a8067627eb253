import type { LearnerProfile } from "../schemas/learner-profile.ts";

/**
 * Combines per-topic interest weights as a noisy-or: an item on two of your topics beats one on a
 * single topic, but never exceeds 1, and topics you don't care about neither help nor hurt.
 */
export function topicAffinity(weights: Iterable<number>): number {
  let miss = 1;
  for (const weight of weights) miss *= 1 - clampUnit(weight);
  return 1 - miss;
}

/**
 * Declared interests plus what feedback taught, each topic in 0..1. Learned adjustments decay
 * toward zero with the configured half-life measured from when they were last updated.
 */
export function effectiveInterests(
  profile: Pick<LearnerProfile, "interests" | "learned" | "learnedAt">,
  now: number,
  learnedHalfLifeDays: number,
): Map<string, number> {
  const decay = learnedDecay(profile.learnedAt, now, learnedHalfLifeDays);
  const result = new Map<string, number>();
  for (const [topic, weight] of Object.entries(profile.interests)) result.set(topic, weight);
  for (const [topic, delta] of Object.entries(profile.learned)) {
    result.set(topic, clampUnit((result.get(topic) ?? 0) + delta * decay));
  }
  return result;
}

export function learnedDecay(
  learnedAt: string | undefined,
  now: number,
  halfLifeDays: number,
): number {
  if (learnedAt === undefined) return 1;
  const elapsedDays = Math.max(0, now - Date.parse(learnedAt)) / 86_400_000;
  return 2 ** (-elapsedDays / halfLifeDays);
}

function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}
