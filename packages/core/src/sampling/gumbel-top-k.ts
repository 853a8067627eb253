import { mix32, unitFromHash } from "./random-source.ts";
import { TopKHeap } from "./top-k-heap.ts";

/**
 * Sort key for Plackett–Luce sampling by the Gumbel-max trick: taking the k largest of
 * score/T + Gumbel noise is exactly a draw of k items without replacement with probabilities
 * proportional to exp(score/T). At T = 0 the key is the score itself: a deterministic top-k.
 */
export function gumbelKey(
  score: number,
  inverseTemperature: number,
  seed: number,
  itemHash: number,
): number {
  if (inverseTemperature === 0) return score;
  const u = unitFromHash(mix32(seed, itemHash));
  return score * inverseTemperature - Math.log(-Math.log(u));
}

export function inverseTemperatureOf(temperature: number): number {
  return temperature > 0 ? 1 / temperature : 0;
}

/**
 * Indices of k items drawn by Plackett–Luce from `scores` in O(n + k log k) expected time:
 * one pass with a k-heap instead of a full sort. `hashes[i]` identifies item i so that its noise
 * does not depend on where it sits in the array.
 */
export function gumbelTopK(
  scores: ArrayLike<number>,
  hashes: ArrayLike<number>,
  k: number,
  temperature: number,
  seed: number,
): number[] {
  const heap = new TopKHeap(k);
  const inverse = inverseTemperatureOf(temperature);
  for (let i = 0; i < scores.length; i++) {
    heap.offer(gumbelKey(scores[i] as number, inverse, seed, hashes[i] as number), i);
  }
  return heap.sorted().map((entry) => entry.id);
}
