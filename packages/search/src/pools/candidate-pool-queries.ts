import { effectiveInterests, type LearnerProfile } from "@sightline/core";
import type { MultiSearchQuery } from "meilisearch";
import type { SearchConfig } from "../config/search-config.ts";
import { LISTING_FIELDS } from "../documents/listing-fields.ts";
import { anyOf, atLeast, noneOf } from "../filters/filter-expression.ts";
import { visibilityFilter } from "../filters/visibility-filter.ts";

export const POOL_SLICES = ["interests", "experts", "exploration", "recent"] as const;
export type PoolSlice = (typeof POOL_SLICES)[number];

const DAY_MS = 86_400_000;
/** Enough topics to describe any learner, few enough to keep the filter small. */
const MAX_INTEREST_TOPICS = 50;

export interface PoolQueryOptions {
  readonly learner: LearnerProfile;
  /** Epoch milliseconds. */
  readonly now: number;
  readonly windowDays: number;
  readonly limits: Readonly<Record<PoolSlice, number>>;
}

/**
 * One query per slice, all over the same window and the learner's visibility, muted experts
 * and topics excluded server-side. A slice with nothing to ask for (no interests, no followed
 * experts) is left out.
 */
export function candidatePoolQueries(
  indexUid: string,
  options: PoolQueryOptions,
  config: SearchConfig,
): { slice: PoolSlice; query: MultiSearchQuery }[] {
  const { learner, now, limits } = options;
  const topics = interestTopics(learner, now, config.pools.learnedHalfLifeDays);
  const base = [
    visibilityFilter(learner.audiences),
    atLeast("publishedAtMs", now - options.windowDays * DAY_MS),
    ...(learner.mutes.experts.length > 0 ? [noneOf("expertId", learner.mutes.experts)] : []),
    ...(learner.mutes.topics.length > 0 ? [noneOf("topics", learner.mutes.topics)] : []),
  ];
  const query = (slice: PoolSlice, extra: string[], sort: string[]) => ({
    slice,
    query: {
      indexUid,
      q: "",
      filter: [...base, ...extra],
      sort,
      limit: limits[slice],
      attributesToRetrieve: [...LISTING_FIELDS],
    },
  });
  const newest = ["publishedAtMs:desc"];
  return [
    ...(topics.length > 0 ? [query("interests", [anyOf("topics", topics)], newest)] : []),
    ...(learner.followedExperts.length > 0
      ? [query("experts", [anyOf("expertId", learner.followedExperts)], newest)]
      : []),
    // Outside the learner's topics, least-seen first: room for quiet experts to be discovered.
    query("exploration", topics.length > 0 ? [noneOf("topics", topics)] : [], [
      "impressionCount:asc",
      ...newest,
    ]),
    query("recent", [], newest),
  ];
}

/** The learner's topics with positive weight, declared plus learned, strongest first. */
function interestTopics(learner: LearnerProfile, now: number, halfLifeDays: number): string[] {
  return [...effectiveInterests(learner, now, halfLifeDays)]
    .filter(([, weight]) => weight > 0)
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_INTEREST_TOPICS)
    .map(([topic]) => topic);
}
