import { mix32, unitFromHash } from "./random-source.ts";
import { TopKHeap } from "./top-k-heap.ts";

/** 1/T; 0 stands for T = 0, where the key is the score itself: a deterministic top-k. */
export function inverseTemperatureOf(temperature: number): number {
  return temperature > 0 ? 1 / temperature : 0;
}

function gumbelNoise(u: number): number {
  return -Math.log(-Math.log(u));
}

// Noise drawn from a 32-bit hash never exceeds −ln(−ln(1 − 2⁻³³)) ≈ 22.87.
const MAX_NOISE = 23;
const MIN_GAP = -4;
const STEPS_PER_UNIT = 64;
/**
 * EXCEEDANCE[b] = P-quantile below which the noise cannot exceed the gap MIN_GAP + b/STEPS:
 * u ≤ exp(−exp(−gap)) ⇔ noise ≤ gap. Buckets round the gap down, so the test only ever rejects
 * candidates that truly cannot enter: the result is exact, and most candidates cost no logarithm.
 */
const EXCEEDANCE = Float64Array.from(
  { length: (MAX_NOISE - MIN_GAP) * STEPS_PER_UNIT + 1 },
  (_, b) => Math.exp(-Math.exp(-(MIN_GAP + b / STEPS_PER_UNIT))),
);

/**
 * Plackett–Luce sampling by the Gumbel-max trick: keeping the k largest of score/T + Gumbel noise
 * is exactly a draw of k items without replacement with probabilities proportional to
 * exp(score/T).
 *
 * A shortlist of the k largest Gumbel keys. Once it is full, a candidate whose noise could not
 * lift it over the current threshold is rejected by one table lookup, before any logarithm:
 * that is what keeps a drop close to the cost of merely scoring its candidates.
 */
export class GumbelShortlist {
  readonly heap: TopKHeap;
  private readonly inverse: number;
  private readonly seed: number;
  /** The heap's entry threshold, cached: it only changes when a key enters. */
  private threshold = Number.NEGATIVE_INFINITY;

  constructor(capacity: number, temperature: number, seed: number) {
    this.heap = new TopKHeap(capacity);
    this.inverse = inverseTemperatureOf(temperature);
    this.seed = seed;
  }

  /** Offers a candidate; `penalty` is subtracted in key space (after temperature scaling). */
  offer(score: number, penalty: number, itemHash: number, id: number): void {
    if (this.inverse === 0) {
      this.enter(score, id);
      return;
    }
    const base = score * this.inverse - penalty;
    const gap = this.threshold - base;
    if (gap >= MAX_NOISE) return;
    const u = unitFromHash(mix32(this.seed, itemHash));
    if (gap > MIN_GAP && u <= (EXCEEDANCE[((gap - MIN_GAP) * STEPS_PER_UNIT) | 0] as number))
      return;
    this.enter(base + gumbelNoise(u), id);
  }

  private enter(key: number, id: number): void {
    this.heap.offer(key, id);
    this.threshold = this.heap.threshold;
  }
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
  const shortlist = new GumbelShortlist(k, temperature, seed);
  for (let i = 0; i < scores.length; i++) {
    shortlist.offer(scores[i] as number, 0, hashes[i] as number, i);
  }
  return shortlist.heap.sorted().map((entry) => entry.id);
}
