/**
 * Seeded, counter-free randomness. Noise for a candidate is derived from (seed, item hash) rather
 * than drawn in sequence, so a drop does not change when the same candidates arrive in another
 * order, and no state is shared between learners.
 */

/** 32-bit FNV-1a over UTF-16 code units, finished with murmur3's avalanche. */
export function hashString32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return fmix32(hash);
}

/** murmur3's finaliser: every input bit flips about half the output bits. */
export function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two 32-bit values into one well-mixed value. */
export function mix32(a: number, b: number): number {
  return fmix32((Math.imul(a ^ 0x9e3779b9, 0x7feb352d) + b) | 0);
}

/** A uniform number strictly inside (0, 1): never 0 or 1, so logarithms stay finite. */
export function unitFromHash(hash: number): number {
  return ((hash >>> 0) + 0.5) / 4_294_967_296;
}

/** The seed of a drop: the same learner and drop key always give the same seed. */
export function seedFor(learnerId: string, dropKey: string): number {
  return hashString32(`${learnerId}\u0000${dropKey}`);
}

export interface RandomSource {
  /** Uniform in [0, 1). */
  next(): number;
}

/** sfc32: small, fast and passes PractRand to 2^40 bytes; seeded from one 32-bit value. */
export function createRandom(seed: number): RandomSource {
  let a = fmix32(seed ^ 0x243f6a88);
  let b = fmix32(seed ^ 0x85a308d3);
  let c = fmix32(seed ^ 0x13198a2e);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4_294_967_296;
  };
  // Discard the warm-up outputs, which are correlated with the seed.
  for (let i = 0; i < 12; i++) next();
  return { next };
}
