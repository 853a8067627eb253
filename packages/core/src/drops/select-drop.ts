import { explainEntry } from "../explain/explain-entry.ts";
import type { ExposureRecord } from "../fairness/exposure-ledger.ts";
import { arrangeWithoutAdjacency, DiversityGuard, maxPerTopicFor } from "../sampling/diversity.ts";
import { explorationSlots } from "../sampling/exploration.ts";
import { GumbelShortlist } from "../sampling/gumbel-top-k.ts";
import { createRandom, seedFor } from "../sampling/random-source.ts";
import type { TopKHeap } from "../sampling/top-k-heap.ts";
import type { ContentItem } from "../schemas/content-item.ts";
import type { Drop, DropEntry, SlotKind } from "../schemas/drop.ts";
import type { LearnerProfile, SavedItem } from "../schemas/learner-profile.ts";
import { type ExposureSignals, FILTERED, LearnerScorer } from "../scoring/learner-scorer.ts";
import type { PreparedPool } from "../scoring/prepare-pool.ts";
import { dueSaves } from "../seen/resurfacing.ts";

export interface SelectDropOptions {
  /** Names this drop in the learner's cadence; the same key gives the same drop. */
  readonly dropKey: string;
  /** Defaults to the learner's cadence. */
  readonly itemsPerDrop?: number;
  /** Ids seen within the seen window: never shown again, except as resurfaced saves. */
  readonly seen?: ReadonlySet<string>;
  /** The fairness ledger (or any exposure signals); without it there is no fairness lift. */
  readonly exposure?: ExposureSignals;
}

export interface SelectionResult {
  readonly drop: Drop;
  /** What the drop did for fairness accounting: pass it to `ExposureLedger.record`. */
  readonly exposure: ExposureRecord;
}

interface Pick {
  readonly index: number;
  readonly slot: SlotKind;
  readonly saved?: SavedItem;
}

/**
 * Picks one drop for a learner from a prepared pool: resurfaced saves first, then exploration
 * and interest slots sampled by Plackett–Luce (Gumbel-top-k) at the learner's temperature,
 * under per-expert and per-topic caps, arranged so no two neighbours share an expert, each entry
 * with its reasons. Deterministic for the same (learner, drop key, pool, seen set).
 */
export function selectDrop(
  pool: PreparedPool,
  profile: LearnerProfile,
  options: SelectDropOptions,
): SelectionResult {
  const { config } = pool;
  const size = options.itemsPerDrop ?? profile.cadence.itemsPerDrop;
  const seed = seedFor(profile.id, options.dropKey);
  const random = createRandom(seed);

  const due = dueSaves(profile, pool.now, config.resurface.intervalsDays).filter((saved) =>
    pool.indexById.has(saved.itemId),
  );
  const dueIds = new Set(due.map((saved) => saved.itemId));
  const seen = withoutIds(options.seen, dueIds);
  const scorer = new LearnerScorer(pool, profile, {
    ...(seen === undefined ? {} : { seen }),
    ...(options.exposure === undefined ? {} : { exposure: options.exposure }),
  });

  const guard = new DiversityGuard(
    config.diversity.maxPerExpert,
    maxPerTopicFor(size, config.diversity.maxTopicShare),
  );
  const picks: Pick[] = [];
  const taken = new Set<number>();
  const take = (pick: Pick): void => {
    picks.push(pick);
    taken.add(pick.index);
    guard.add(pool.itemExpert[pick.index] as number, topicsOf(pool, pick.index));
  };

  for (const saved of due) {
    if (picks.length >= Math.min(size, config.resurface.maxPerDrop)) break;
    const index = pool.indexById.get(saved.itemId) as number;
    if (scorer.score(index) !== FILTERED) take({ index, slot: "resurface", saved });
  }

  // Due saves not resurfaced this time wait for a later drop: they never take ordinary slots.
  const reserved = new Set(due.map((saved) => pool.indexById.get(saved.itemId) as number));
  const open = size - picks.length;
  const exploreSlots = explorationSlots(open, profile.chaos.explorationShare, random);
  const filled = { interest: 0, explore: 0, resurface: picks.length };
  const fill = (order: readonly { id: number }[], slot: SlotKind, limit: number): void => {
    for (const { id } of order) {
      if (picks.length >= size || filled[slot] >= limit) return;
      if (taken.has(id) || reserved.has(id)) continue;
      if (!guard.admits(pool.itemExpert[id] as number, topicsOf(pool, id))) continue;
      take({ index: id, slot });
      filled[slot]++;
    }
  };

  const { temperature } = profile.chaos;
  // At temperature 0 the drop is a plain top-k: volume damping only shapes random draws.
  const penalties = temperature > 0 ? pool.volumePenalty : new Float64Array(pool.expertIds.length);
  let capacity = config.shortlistFactor * open + 8;
  let interest: TopKHeap;
  for (;;) {
    const interestList = new GumbelShortlist(capacity, temperature, seed);
    const exploreList = new GumbelShortlist(exploreSlots > 0 ? capacity : 1, temperature, seed);
    scorer.offerAll(interestList, exploreSlots > 0 ? exploreList : undefined, penalties);
    interest = interestList.heap;
    const explore = exploreList.heap;
    const exploreOrder = explore.sorted();
    fill(exploreOrder, "explore", exploreSlots);
    fill(interest.sorted(), "interest", size);
    fill(exploreOrder, "explore", size);
    const exhausted = interest.size < capacity && explore.size < explore.capacity;
    if (picks.length >= size || exhausted) break;
    // The caps rejected too much of the shortlist: widen it and pass again. Keys depend only on
    // (seed, item), so the wider pass agrees with the narrower one on every shared candidate.
    capacity *= 4;
  }

  const ordered = presentationOrder(picks, random);
  const { arranged } = arrangeWithoutAdjacency(
    ordered,
    (pick) => pool.itemExpert[pick.index] as number,
  );
  const entries = arranged.map((pick) => toEntry(scorer, pick));
  const drop: Drop = {
    learnerId: profile.id,
    dropKey: options.dropKey,
    seed,
    createdAt: new Date(pool.now).toISOString(),
    items: entries,
  };
  return {
    drop,
    exposure: {
      exposure: exposureOf(entries),
      merit: options.exposure === undefined ? new Map() : meritOf(scorer, interest),
    },
  };
}

/**
 * Interest picks keep their sampled order; exploration and resurfaced picks are placed at
 * seeded positions so the surprise is not always last.
 */
function presentationOrder(picks: readonly Pick[], random: { next(): number }): Pick[] {
  const ordered = picks.filter((pick) => pick.slot === "interest");
  for (const pick of picks) {
    if (pick.slot === "interest") continue;
    ordered.splice(Math.floor(random.next() * (ordered.length + 1)), 0, pick);
  }
  return ordered;
}

function toEntry(scorer: LearnerScorer, pick: Pick): DropEntry {
  const components = scorer.components(pick.index);
  if (components === undefined) throw new Error("a picked candidate cannot be filtered");
  const item = scorer.pool.items[pick.index] as ContentItem;
  return {
    item,
    slot: pick.slot,
    score: components.total,
    reasons: explainEntry({
      scorer,
      index: pick.index,
      slot: pick.slot,
      components,
      ...(pick.saved === undefined ? {} : { saved: pick.saved }),
    }),
  };
}

/** Position-discounted attention (1 / log2(position + 2)) per expert. */
function exposureOf(entries: readonly DropEntry[]): Map<string, number> {
  const exposure = new Map<string, number>();
  entries.forEach((entry, position) => {
    const id = entry.item.expertId;
    exposure.set(id, (exposure.get(id) ?? 0) + 1 / Math.log2(position + 2));
  });
  return exposure;
}

/**
 * Merit per expert: the best relevance (score without the fairness lift) among their candidates
 * on the interest shortlist, normalised to sum to 1. The best, not the sum, because experts share
 * attention as experts: posting fifty times does not make anyone fifty times as deserving.
 */
function meritOf(scorer: LearnerScorer, interest: TopKHeap): Map<string, number> {
  const { pool } = scorer;
  const merit = new Map<string, number>();
  for (const { id } of interest.sorted()) {
    const relevance = scorer.relevance(id);
    if (relevance <= 0) continue;
    const expertId = pool.expertIds[pool.itemExpert[id] as number] as string;
    merit.set(expertId, Math.max(merit.get(expertId) ?? 0, relevance));
  }
  let total = 0;
  for (const value of merit.values()) total += value;
  if (total > 0) for (const [id, value] of merit) merit.set(id, value / total);
  return merit;
}

function topicsOf(pool: PreparedPool, index: number): Int32Array {
  return pool.topicIds.subarray(pool.topicOffsets[index], pool.topicOffsets[index + 1]);
}

function withoutIds(
  seen: ReadonlySet<string> | undefined,
  ids: ReadonlySet<string>,
): ReadonlySet<string> | undefined {
  if (seen === undefined || ids.size === 0) return seen;
  const kept = new Set(seen);
  for (const id of ids) kept.delete(id);
  return kept;
}
