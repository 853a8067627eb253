/** A value now, or later: in-memory stores answer at once, remote ones asynchronously. */
export type MaybePromise<T> = T | Promise<T>;

/**
 * Remembers which items each learner has seen, so an item never comes back within the seen
 * window. Implementations must pass `seenStoreContract` (exported from `@sightline/core/testing`).
 */
export interface SeenStore {
  /** Records that the learner saw these items at `at` (ms); a later time replaces an earlier one. */
  markSeen(learnerId: string, itemIds: readonly string[], at: number): MaybePromise<void>;
  /** Ids the learner saw at or after `since` (ms). The caller may keep the set: it is a copy. */
  seenSince(learnerId: string, since: number): MaybePromise<ReadonlySet<string>>;
  /** Forgets everything about the learner (they left, or asked to be forgotten). */
  forget(learnerId: string): MaybePromise<void>;
}
