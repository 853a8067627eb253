import type { RankingConfig } from "../config/ranking-config.ts";

/** The counters social proof reads; a subset of ContentItem. */
export interface SocialCounts {
  readonly likeCount: number;
  readonly shareCount: number;
  readonly commentCount: number;
  readonly completionCount: number;
  readonly dismissCount: number;
  readonly impressionCount: number;
}

/**
 * Lower bound of the Wilson score interval for a proportion: 3 likes out of 4 views ranks below
 * 300 out of 400, because the small sample could easily be luck.
 */
export function wilsonLowerBound(positive: number, total: number, z: number): number {
  if (total <= 0) return 0;
  const p = Math.min(1, positive / total);
  const z2 = z * z;
  const centre = p + z2 / (2 * total);
  const margin = z * Math.sqrt((p * (1 - p) + z2 / (4 * total)) / total);
  return Math.max(0, (centre - margin) / (1 + z2 / total));
}

/** Colleagues' positive signals; a dismissal cancels one of them. */
export function positiveSignals(counts: SocialCounts): number {
  const positive =
    counts.likeCount + counts.shareCount + counts.commentCount + counts.completionCount;
  return Math.max(0, positive - counts.dismissCount);
}

/**
 * Colleagues' social proof in 0..1: the Wilson bound of positive signals over impressions, blended
 * with HN-style gravity-decayed counts so that a fresh burst of likes lifts an item quickly.
 */
export function socialProof(counts: SocialCounts, ageHours: number, config: RankingConfig): number {
  const { wilsonZ, gravity, gravityHalfCount, wilsonShare } = config.social;
  const positive = positiveSignals(counts);
  if (positive === 0) return 0;
  const impressions = Math.max(counts.impressionCount, positive);
  const wilson = wilsonLowerBound(positive, impressions, wilsonZ);
  const decayed = positive / (Math.max(0, ageHours) + 2) ** gravity;
  const gravityTerm = decayed / (decayed + gravityHalfCount / 2 ** gravity);
  return wilsonShare * wilson + (1 - wilsonShare) * gravityTerm;
}
