import { NEW_LEARNER_DEFAULTS } from "../config/new-learner-profile.ts";
import { createRandom, type RandomSource } from "../sampling/random-source.ts";
import type { ContentItem, ContentKind } from "../schemas/content-item.ts";
import type { Expert } from "../schemas/expert.ts";
import type { LearnerProfile } from "../schemas/learner-profile.ts";

const DAY_MS = 86_400_000;

export interface SyntheticOrgOptions {
  readonly seed: number;
  readonly learners: number;
  readonly experts: number;
  readonly topics: number;
  readonly items: number;
  readonly days: number;
  /** The moment the simulation ends: items are published in the `days` before it. */
  readonly end: number;
}

export interface SyntheticOrg {
  readonly topics: readonly string[];
  readonly experts: readonly Expert[];
  /** Sorted by publication time, oldest first. */
  readonly items: readonly ContentItem[];
  readonly learners: readonly LearnerProfile[];
  /** Each learner's true taste: topic → share, summing to 1 (what calibration compares against). */
  readonly tastes: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

const KINDS: readonly [ContentKind, number][] = [
  ["article", 0.5],
  ["post", 0.25],
  ["video", 0.1],
  ["podcast", 0.1],
  ["course", 0.05],
];

/**
 * A seeded organisation for tests, examples and benchmarks: Zipf-distributed topic popularity,
 * expert output and learner interests, so a few experts post a lot and most post a little,
 * as in a real company.
 */
export function syntheticOrg(options: SyntheticOrgOptions): SyntheticOrg {
  const random = createRandom(options.seed);
  const topics = Array.from({ length: options.topics }, (_, t) => `topic-${t}`);
  const topicPick = zipfSampler(options.topics, 1.0, random);

  const experts: Expert[] = Array.from({ length: options.experts }, (_, e) => {
    const own = distinct(1 + Math.floor(random.next() * 3), () => topics[topicPick()] as string);
    return {
      id: `expert-${e}`,
      name: `Expert ${e}`,
      topics: own,
      trust: round(0.3 + 0.7 * random.next()),
    };
  });
  const expertPick = zipfSampler(options.experts, 1.1, random);

  const items: ContentItem[] = [];
  for (let i = 0; i < options.items; i++) {
    const expert = experts[expertPick()] as Expert;
    const published = options.end - random.next() * options.days * DAY_MS;
    const own = distinct(1 + Math.floor(random.next() * 2), () => pickFrom(expert.topics, random));
    if (random.next() < 0.25) own.push(topics[topicPick()] as string);
    const quality = random.next();
    const impressions = Math.floor(random.next() * 200);
    const likes = Math.floor(impressions * quality * 0.3 * random.next());
    items.push({
      id: `item-${i}`,
      url: `https://intranet.example.com/posts/${i}`,
      title: `Notes on ${own.join(" and ")} #${i}`,
      summary: `What ${expert.name} learned about ${own[0]}.`,
      kind: weighted(KINDS, random),
      topics: [...new Set(own)],
      expertId: expert.id,
      sourceId: `source-${expert.id}`,
      language: "en",
      publishedAt: new Date(published).toISOString(),
      firstSeenAt: new Date(published).toISOString(),
      likeCount: likes,
      shareCount: Math.floor(likes * 0.2),
      commentCount: Math.floor(likes * 0.3 * random.next()),
      completionCount: Math.floor(likes * 0.5),
      dismissCount: Math.floor(impressions * (1 - quality) * 0.05),
      impressionCount: impressions,
      moderation: "visible",
    });
  }
  items.sort((a, b) => Date.parse(a.publishedAt) - Date.parse(b.publishedAt));

  const learners: LearnerProfile[] = [];
  const tastes = new Map<string, Map<string, number>>();
  for (let l = 0; l < options.learners; l++) {
    const id = `learner-${l}`;
    const own = distinct(2 + Math.floor(random.next() * 5), () => topics[topicPick()] as string);
    const interests: Record<string, number> = {};
    const taste = new Map<string, number>();
    const norm = own.reduce((sum, _, rank) => sum + 1 / (rank + 1), 0);
    own.forEach((topic, rank) => {
      interests[topic] = round(1 / (rank + 1));
      taste.set(topic, 1 / (rank + 1) / norm);
    });
    const followed = experts
      .filter((expert) => expert.topics.some((topic) => topic === own[0]))
      .slice(0, Math.floor(random.next() * 3))
      .map((expert) => expert.id);
    learners.push({
      ...structuredClone(NEW_LEARNER_DEFAULTS),
      id,
      interests,
      followedExperts: followed,
    });
    tastes.set(id, taste);
  }
  return { topics, experts, items, learners, tastes };
}

/** Draws 0..n-1 with probability ∝ 1 / (rank + 1)^s. */
function zipfSampler(n: number, s: number, random: RandomSource): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let r = 0; r < n; r++) {
    total += 1 / (r + 1) ** s;
    cumulative[r] = total;
  }
  return () => {
    const target = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function distinct(count: number, draw: () => string): string[] {
  const result = new Set<string>();
  for (let tries = 0; result.size < count && tries < count * 10; tries++) result.add(draw());
  return [...result];
}

function pickFrom<T>(list: readonly T[], random: RandomSource): T {
  return list[Math.floor(random.next() * list.length)] as T;
}

function weighted<T>(options: readonly (readonly [T, number])[], random: RandomSource): T {
  let target = random.next();
  for (const [value, weight] of options) {
    target -= weight;
    if (target < 0) return value;
  }
  return (options[options.length - 1] as readonly [T, number])[0];
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
