import type { FeedState } from "./feed-state.ts";

/**
 * Where feed state lives between runs. `save` resolves only once the states are durable; states
 * are keyed by feed id and a later save replaces an earlier one. Implementations must pass the
 * contract suite in test/state/feed-state-store.contract.ts.
 */
export interface FeedStateStore {
  loadAll(): Promise<Map<string, FeedState>>;
  save(states: readonly FeedState[]): Promise<void>;
}
