const HOUR_MS = 3_600_000;

/**
 * 1 when just published, halving every half-life of the item's kind. Items dated in the future
 * count as brand new rather than as fresher than new.
 */
export function freshness(ageMs: number, halfLifeHours: number): number {
  if (ageMs <= 0) return 1;
  return 2 ** (-ageMs / (halfLifeHours * HOUR_MS));
}
