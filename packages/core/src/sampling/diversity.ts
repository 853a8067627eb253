/**
 * Caps per expert and per topic within one drop: a drop of ten is never six posts by one prolific
 * expert or all about one topic.
 */
export class DiversityGuard {
  private readonly perExpert = new Map<number, number>();
  private readonly perTopic = new Map<number, number>();
  private readonly maxPerExpert: number;
  private readonly maxPerTopic: number;

  constructor(maxPerExpert: number, maxPerTopic: number) {
    this.maxPerExpert = maxPerExpert;
    this.maxPerTopic = maxPerTopic;
  }

  admits(expert: number, topics: Iterable<number>): boolean {
    if ((this.perExpert.get(expert) ?? 0) >= this.maxPerExpert) return false;
    for (const topic of topics)
      if ((this.perTopic.get(topic) ?? 0) >= this.maxPerTopic) return false;
    return true;
  }

  add(expert: number, topics: Iterable<number>): void {
    this.perExpert.set(expert, (this.perExpert.get(expert) ?? 0) + 1);
    for (const topic of topics) this.perTopic.set(topic, (this.perTopic.get(topic) ?? 0) + 1);
  }
}

/** Topic cap for a drop of `size` slots: a share of the slots, never less than one. */
export function maxPerTopicFor(size: number, maxTopicShare: number): number {
  return Math.max(1, Math.ceil(size * maxTopicShare));
}

/**
 * Orders entries so no two neighbours share an expert, keeping the given order wherever it can:
 * each position takes the earliest remaining entry whose expert differs from the previous one.
 * Entries that cannot be placed (only one expert left) are returned as `left`.
 */
export function arrangeWithoutAdjacency<T>(
  entries: readonly T[],
  expertOf: (entry: T) => number,
): { arranged: T[]; left: T[] } {
  const remaining = [...entries];
  const arranged: T[] = [];
  while (remaining.length > 0) {
    const previous = arranged.length > 0 ? expertOf(arranged[arranged.length - 1] as T) : -1;
    // Take the first entry of another expert, but prefer one whose expert is most represented
    // among the rest when the earliest choice would strand a majority expert at the end.
    const majority = dominantExpert(remaining, expertOf);
    let pick = -1;
    if (majority.count * 2 > remaining.length && majority.expert !== previous) {
      pick = remaining.findIndex((entry) => expertOf(entry) === majority.expert);
    }
    if (pick === -1) pick = remaining.findIndex((entry) => expertOf(entry) !== previous);
    if (pick === -1) break;
    arranged.push(...remaining.splice(pick, 1));
  }
  return { arranged, left: remaining };
}

function dominantExpert<T>(
  entries: readonly T[],
  expertOf: (entry: T) => number,
): { expert: number; count: number } {
  const counts = new Map<number, number>();
  let best = { expert: -1, count: 0 };
  for (const entry of entries) {
    const expert = expertOf(entry);
    const count = (counts.get(expert) ?? 0) + 1;
    counts.set(expert, count);
    if (count > best.count) best = { expert, count };
  }
  return best;
}
