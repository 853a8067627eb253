// Definitions of the quality benchmark's metrics (the README explains each in words).

/** Gini coefficient of non-negative values: 0 when all are equal, → 1 when one has everything. */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const total = sorted.reduce((sum, value) => sum + value, 0);
  if (n === 0 || total === 0) return 0;
  let weighted = 0;
  sorted.forEach((value, i) => {
    weighted += (2 * (i + 1) - n - 1) * value;
  });
  return weighted / (n * total);
}

/**
 * Calibration miscalibration of one list (Steck 2018): KL(p ‖ q̃) where p is the learner's topic
 * taste, q the topic distribution of the list (each item's weight split over its topics), and
 * q̃ = (1 − α)·q + α·p keeps the divergence finite.
 */
export function calibrationKL(
  taste: ReadonlyMap<string, number>,
  listTopics: readonly (readonly string[])[],
  alpha = 0.01,
): number {
  const q = new Map<string, number>();
  for (const topics of listTopics) {
    for (const topic of topics)
      q.set(topic, (q.get(topic) ?? 0) + 1 / topics.length / listTopics.length);
  }
  let kl = 0;
  for (const [topic, p] of taste) {
    if (p <= 0) continue;
    const mixed = (1 - alpha) * (q.get(topic) ?? 0) + alpha * p;
    kl += p * Math.log(p / mixed);
  }
  return kl;
}

/** Mean pairwise topic distance (1 − Jaccard of topic sets) within one list. */
export function intraListDiversity(listTopics: readonly (readonly string[])[]): number {
  let pairs = 0;
  let distance = 0;
  for (let i = 0; i < listTopics.length; i++) {
    for (let j = i + 1; j < listTopics.length; j++) {
      distance +=
        1 - jaccard(listTopics[i] as readonly string[], listTopics[j] as readonly string[]);
      pairs++;
    }
  }
  return pairs === 0 ? 0 : distance / pairs;
}

export function jaccard<T>(a: Iterable<T>, b: Iterable<T>): number {
  const left = new Set(a);
  const right = new Set(b);
  let shared = 0;
  for (const value of left) if (right.has(value)) shared++;
  const union = left.size + right.size - shared;
  return union === 0 ? 1 : shared / union;
}

/** Attention at a position, as in DCG: the first slot counts 1, later ones less. */
export function positionWeight(position: number): number {
  return 1 / Math.log2(position + 2);
}
