import type { SeenStore } from "./seen-store.ts";

/**
 * A SeenStore in process memory, for tests, examples and single-process apps. Entries older than
 * `retainMs` are pruned as the learner's record is written, so memory stays bounded.
 */
export class InMemorySeenStore implements SeenStore {
  private readonly byLearner = new Map<string, Map<string, number>>();
  private readonly retainMs: number;

  constructor(options: { retainMs?: number } = {}) {
    this.retainMs = options.retainMs ?? Number.POSITIVE_INFINITY;
  }

  markSeen(learnerId: string, itemIds: readonly string[], at: number): void {
    if (itemIds.length === 0) return;
    let seen = this.byLearner.get(learnerId);
    if (seen === undefined) {
      seen = new Map();
      this.byLearner.set(learnerId, seen);
    }
    for (const id of itemIds) seen.set(id, Math.max(at, seen.get(id) ?? at));
    const cutoff = at - this.retainMs;
    for (const [id, when] of seen) if (when < cutoff) seen.delete(id);
  }

  seenSince(learnerId: string, since: number): ReadonlySet<string> {
    const result = new Set<string>();
    for (const [id, when] of this.byLearner.get(learnerId) ?? []) if (when >= since) result.add(id);
    return result;
  }

  forget(learnerId: string): void {
    this.byLearner.delete(learnerId);
  }
}
