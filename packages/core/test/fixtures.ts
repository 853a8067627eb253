import {
  type ContentItem,
  DEFAULT_RANKING_CONFIG,
  type Expert,
  type LearnerProfile,
  NEW_ITEM_SIGNALS,
  type NewLearnerInput,
  newLearnerProfile,
  type PreparedPool,
  preparePool,
} from "@sightline/core";

export const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

let counter = 0;

/** A valid content item; override what the test is about. */
export function item(overrides: Partial<ContentItem> = {}): ContentItem {
  counter += 1;
  const published = new Date(NOW - 2 * DAY).toISOString();
  return {
    id: `item-${counter}`,
    url: `https://intranet.example.com/posts/${counter}`,
    title: `Post ${counter}`,
    summary: "Something worth knowing.",
    kind: "article",
    topics: ["kubernetes"],
    expertId: "ada",
    sourceId: "ada-blog",
    language: "en",
    publishedAt: published,
    firstSeenAt: published,
    ...NEW_ITEM_SIGNALS,
    ...overrides,
  };
}

export function learner(overrides: Partial<NewLearnerInput> = {}): LearnerProfile {
  return newLearnerProfile({ id: "learner-1", interests: { kubernetes: 1 }, ...overrides });
}

export const EXPERTS: readonly Expert[] = [
  { id: "ada", name: "Ada Lovelace", topics: ["kubernetes"], trust: 0.9 },
  { id: "grace", name: "Grace Hopper", topics: ["compilers"], trust: 0.8 },
  { id: "linus", name: "Linus", topics: ["git"], trust: 0.5 },
];

export function pool(items: readonly ContentItem[], now = NOW): PreparedPool {
  return preparePool(items, { experts: EXPERTS, now, config: DEFAULT_RANKING_CONFIG });
}

/** `count` items spread over `experts` experts and `topics` topics, all recent. */
export function catalogue(count: number, experts: number, topics: number): ContentItem[] {
  return Array.from({ length: count }, (_, i) =>
    item({
      id: `c-${i}`,
      expertId: `e-${i % experts}`,
      topics: [`t-${i % topics}`],
      publishedAt: new Date(NOW - (i % 48) * HOUR).toISOString(),
    }),
  );
}
