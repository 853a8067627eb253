import type { FeedState } from "./feed-state.ts";
import type { FeedStateStore } from "./feed-state-store.ts";

/** Feed state in process memory: for tests and one-off runs that need nothing kept. */
export class InMemoryFeedStateStore implements FeedStateStore {
  private readonly states = new Map<string, FeedState>();

  async loadAll(): Promise<Map<string, FeedState>> {
    return new Map([...this.states].map(([id, state]) => [id, structuredClone(state)]));
  }

  async save(states: readonly FeedState[]): Promise<void> {
    for (const state of states) this.states.set(state.id, structuredClone(state));
  }
}
