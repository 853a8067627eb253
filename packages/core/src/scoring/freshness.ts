import type { RankingConfig } from "../config/ranking-config.ts";
import type { ContentKind } from "../schemas/content-item.ts";

const HOUR_MS = 3_600_000;

/**
 * 1 when just published, halving every half-life of the item's kind. Items dated in the future
 * count as brand new rather than as fresher than new.
 */
export function freshness(ageMs: number, halfLifeHours: number): number {
  if (ageMs <= 0) return 1;
  return 2 ** (-ageMs / (halfLifeHours * HOUR_MS));
}

export function halfLifeHoursOf(kind: ContentKind, config: RankingConfig): number {
  return config.halfLifeHours[kind];
}
