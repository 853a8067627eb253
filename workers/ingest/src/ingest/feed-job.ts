import type { ExpertEntry, FeedEntry } from "../config/org-config.ts";
import { sourceIdFor } from "../feeds/source-id-for.ts";
import { type FeedState, freshFeedState } from "../state/feed-state.ts";

/** One configured feed, its expert, and what the worker remembers of it. */
export interface FeedJob {
  readonly sourceId: string;
  readonly entry: FeedEntry;
  readonly expert: ExpertEntry;
  readonly state: FeedState;
}

/** Every configured feed as a job, with its saved state or a fresh one. */
export function feedJobs(
  experts: readonly ExpertEntry[],
  states: ReadonlyMap<string, FeedState>,
): FeedJob[] {
  return experts.flatMap((expert) =>
    expert.feeds.map((entry) => {
      const sourceId = entry.id ?? sourceIdFor(entry.url);
      const saved = states.get(sourceId);
      // A feed whose URL changed in the configuration is a new feed as far as validators go.
      const state =
        saved !== undefined && saved.url === entry.url
          ? { ...saved, expertId: expert.id }
          : freshFeedState(sourceId, entry.url, expert.id);
      return { sourceId, entry, expert, state };
    }),
  );
}

/** The host a feed is fetched from, for per-host concurrency; local files share one lane. */
export function hostOf(url: string): string {
  return URL.canParse(url) ? new URL(url).host : "local-files";
}
