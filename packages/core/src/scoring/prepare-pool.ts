import type { RankingConfig } from "../config/ranking-config.ts";
import { hashString32 } from "../sampling/random-source.ts";
import type { ContentItem } from "../schemas/content-item.ts";
import type { Expert } from "../schemas/expert.ts";
import { freshness } from "./freshness.ts";
import { socialProof } from "./social-proof.ts";

/**
 * Candidates turned into flat typed arrays once, with everything that does not depend on the
 * learner already computed (freshness, social proof, trust). One pool serves every learner and
 * every drop at the same moment, so the per-learner pass is only array reads.
 */
export interface PreparedPool {
  readonly now: number;
  readonly config: RankingConfig;
  /** Visible candidates only: flagged or hidden items never enter a pool. */
  readonly items: readonly ContentItem[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly expertIds: readonly string[];
  readonly expertIndexById: ReadonlyMap<string, number>;
  readonly expertNames: readonly string[];
  readonly expertTrust: Float64Array;
  readonly topics: readonly string[];
  readonly topicIndexByName: ReadonlyMap<string, number>;
  readonly itemExpert: Int32Array;
  /** Topics of item i are topicIds[topicOffsets[i] .. topicOffsets[i + 1]). */
  readonly topicOffsets: Int32Array;
  readonly topicIds: Int32Array;
  readonly freshness: Float64Array;
  readonly social: Float64Array;
  /** weights.trust·trust + weights.freshness·freshness + weights.social·social. */
  readonly base: Float64Array;
  /** Visible candidates per expert in this pool. */
  readonly expertVolume: Int32Array;
  /**
   * volumeDamping · ln(volume) per expert: subtracted from sampling keys so that an expert's
   * chance of a slot depends on the quality of their candidates rather than their number.
   */
  readonly volumePenalty: Float64Array;
  /** Hash of each item id: the per-item input of seeded noise. */
  readonly idHash: Uint32Array;
  /** Indices of items restricted to audience groups. */
  readonly restricted: readonly number[];
  /** Indices of items whose title, summary or topics mention the word; memoised per word. */
  itemsMentioning(word: string): readonly number[];
}

export interface PoolOptions {
  readonly experts?: Iterable<Expert>;
  readonly now: number;
  readonly config: RankingConfig;
}

export function preparePool(
  candidates: readonly ContentItem[],
  options: PoolOptions,
): PreparedPool {
  const { now, config } = options;
  const expertsById = new Map<string, Expert>();
  for (const expert of options.experts ?? []) expertsById.set(expert.id, expert);

  // A later copy of the same id wins: it carries the newest counters and moderation.
  const latest = new Map<string, ContentItem>();
  for (const item of candidates) latest.set(item.id, item);
  const visible = [...latest.values()].filter((item) => item.moderation === "visible");
  const indexById = new Map(visible.map((item, i) => [item.id, i]));

  const n = visible.length;
  const expertIds: string[] = [];
  const expertIndexById = new Map<string, number>();
  const topics: string[] = [];
  const topicIndexByName = new Map<string, number>();
  const itemExpert = new Int32Array(n);
  const topicOffsets = new Int32Array(n + 1);
  const topicList: number[] = [];
  const fresh = new Float64Array(n);
  const social = new Float64Array(n);
  const base = new Float64Array(n);
  const idHash = new Uint32Array(n);
  const restricted: number[] = [];

  const intern = (map: Map<string, number>, list: string[], key: string): number => {
    let index = map.get(key);
    if (index === undefined) {
      index = list.length;
      map.set(key, index);
      list.push(key);
    }
    return index;
  };

  for (let i = 0; i < n; i++) {
    const item = visible[i] as ContentItem;
    itemExpert[i] = intern(expertIndexById, expertIds, item.expertId);
    topicOffsets[i] = topicList.length;
    for (const topic of item.topics) topicList.push(intern(topicIndexByName, topics, topic));
    const ageMs = now - Date.parse(item.publishedAt);
    fresh[i] = freshness(ageMs, config.halfLifeHours[item.kind]);
    social[i] = socialProof(item, ageMs / 3_600_000, config);
    idHash[i] = hashString32(item.id);
    if (item.audience !== undefined) restricted.push(i);
  }
  topicOffsets[n] = topicList.length;

  const expertVolume = new Int32Array(expertIds.length);
  for (let i = 0; i < n; i++) {
    const e = itemExpert[i] as number;
    expertVolume[e] = (expertVolume[e] as number) + 1;
  }
  const volumePenalty = Float64Array.from(
    expertVolume,
    (volume) => config.fairness.volumeDamping * Math.log(volume),
  );
  const expertTrust = new Float64Array(expertIds.length);
  const expertNames = expertIds.map((id, e) => {
    const expert = expertsById.get(id);
    expertTrust[e] = expert?.trust ?? config.unknownExpertTrust;
    return expert?.name ?? id;
  });

  const { weights } = config;
  for (let i = 0; i < n; i++) {
    base[i] =
      weights.trust * (expertTrust[itemExpert[i] as number] as number) +
      weights.freshness * (fresh[i] as number) +
      weights.social * (social[i] as number);
  }

  const mentionCache = new Map<string, readonly number[]>();
  const itemsMentioning = (word: string): readonly number[] => {
    const key = word.toLowerCase();
    let hits = mentionCache.get(key);
    if (hits === undefined) {
      // A muted word matches at the start of a word: "crypto" hides "cryptocurrency", but "go"
      // does not hide "Google's algorithms".
      const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      const pattern = new RegExp(`(?:^|[^\\p{L}\\p{N}])${escaped}`, "iu");
      const found: number[] = [];
      for (let i = 0; i < n; i++) {
        const item = visible[i] as ContentItem;
        if (pattern.test(`${item.title}\n${item.summary}\n${item.topics.join("\n")}`))
          found.push(i);
      }
      hits = found;
      mentionCache.set(key, hits);
    }
    return hits;
  };

  return {
    now,
    config,
    items: visible,
    indexById,
    expertIds,
    expertIndexById,
    expertNames,
    expertTrust,
    expertVolume,
    volumePenalty,
    topics,
    topicIndexByName,
    itemExpert,
    topicOffsets,
    topicIds: Int32Array.from(topicList),
    freshness: fresh,
    social,
    base,
    idHash,
    restricted,
    itemsMentioning,
  };
}
