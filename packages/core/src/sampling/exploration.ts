import type { RandomSource } from "./random-source.ts";

/**
 * How many of `slots` go to exploration: the share rounded at random so that over many drops the
 * average is exactly the share, even when a drop has too few slots for it (0.2 of 3 slots).
 */
export function explorationSlots(slots: number, share: number, random: RandomSource): number {
  const exact = slots * share;
  const whole = Math.floor(exact);
  return Math.min(slots, whole + (random.next() < exact - whole ? 1 : 0));
}
