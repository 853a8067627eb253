import type { LearnerProfile } from "../schemas/learner-profile.ts";
import { fatigueMultiplier } from "./feedback-fatigue.ts";
import type { PreparedPool } from "./prepare-pool.ts";
import { effectiveInterests } from "./topic-affinity.ts";

/** Per-expert exposure signals from the fairness ledger, each in 0..1. */
export interface ExposureSignals {
  /** How far the expert's exposure lags their merit: the fairness lift before weighting. */
  liftFor(expertId: string): number;
  /** 1 for an expert nobody has seen yet, falling toward 0 as exposure grows. */
  lowExposureFor(expertId: string): number;
}

export interface ScorerOptions {
  /** Ids the learner saw within the seen window: they are filtered out. */
  readonly seen?: ReadonlySet<string>;
  readonly exposure?: ExposureSignals;
}

/** A score with its named parts, for explanations. `total` equals `LearnerScorer.score`. */
export interface ScoreComponents {
  readonly topic: number;
  readonly followed: number;
  readonly trust: number;
  readonly freshness: number;
  readonly social: number;
  readonly fairness: number;
  /** Product of feedback-fatigue multipliers, 1 when the learner asked for nothing less. */
  readonly fatigue: number;
  readonly affinity: number;
  readonly total: number;
}

/** Receives candidates from the selection pass: a sampling shortlist. */
export interface CandidateSink {
  offer(score: number, penalty: number, itemHash: number, index: number): void;
}

/** Returned by `score` for a candidate the learner must not see. Real scores are never negative. */
export const FILTERED = -1;

/**
 * One learner's view of a prepared pool: interests, follows, mutes, fatigue and fairness lifts
 * laid out over the pool's interned topics and experts, so scoring a candidate is a few array
 * reads. Hard filters (seen, muted words, other audiences) are folded into one mask up front.
 */
export class LearnerScorer {
  readonly pool: PreparedPool;
  /** Side outputs of the last `score` call, read by selection without a second pass. */
  affinity = 0;
  fatigue = 1;

  private readonly interest: Float64Array;
  private readonly topicBlocked: Uint8Array;
  private readonly topicFatigue: Float64Array;
  private readonly expertBlocked: Uint8Array;
  private readonly followBonus: Float64Array;
  private readonly expertFatigue: Float64Array;
  private readonly lift: Float64Array;
  /** Weighted "little exposure so far" per expert, for exploration slots. */
  private readonly exploreLift: Float64Array;
  private readonly excluded: Uint8Array;
  private readonly topicWeight: number;

  constructor(pool: PreparedPool, profile: LearnerProfile, options: ScorerOptions = {}) {
    this.pool = pool;
    const { config, now } = pool;
    const topicCount = pool.topics.length;
    const expertCount = pool.expertIds.length;
    this.topicWeight = config.weights.topic;

    this.interest = new Float64Array(topicCount);
    for (const [topic, weight] of effectiveInterests(
      profile,
      now,
      config.feedback.learnedHalfLifeDays,
    )) {
      const t = pool.topicIndexByName.get(topic);
      if (t !== undefined) this.interest[t] = weight;
    }

    this.topicBlocked = new Uint8Array(topicCount);
    this.topicFatigue = new Float64Array(topicCount).fill(1);
    for (const topic of profile.mutes.topics)
      this.block(this.topicBlocked, pool.topicIndexByName, topic);
    for (const [topic, at] of Object.entries(profile.lessOf.topics)) {
      const t = pool.topicIndexByName.get(topic);
      if (t === undefined) continue;
      const multiplier = fatigueMultiplier(Date.parse(at), now, config.fatigue);
      if (multiplier === 0) this.topicBlocked[t] = 1;
      else this.topicFatigue[t] = multiplier;
    }

    this.expertBlocked = new Uint8Array(expertCount);
    this.expertFatigue = new Float64Array(expertCount).fill(1);
    this.followBonus = new Float64Array(expertCount);
    for (const id of profile.mutes.experts)
      this.block(this.expertBlocked, pool.expertIndexById, id);
    for (const [id, at] of Object.entries(profile.lessOf.experts)) {
      const e = pool.expertIndexById.get(id);
      if (e === undefined) continue;
      const multiplier = fatigueMultiplier(Date.parse(at), now, config.fatigue);
      if (multiplier === 0) this.expertBlocked[e] = 1;
      else this.expertFatigue[e] = multiplier;
    }
    for (const id of profile.followedExperts) {
      const e = pool.expertIndexById.get(id);
      if (e !== undefined) this.followBonus[e] = config.weights.followed;
    }

    this.lift = new Float64Array(expertCount);
    this.exploreLift = new Float64Array(expertCount).fill(config.exploration.lowExposure);
    const { exposure } = options;
    if (exposure !== undefined) {
      const liftWeight = config.weights.fairness;
      for (let e = 0; e < expertCount; e++) {
        const id = pool.expertIds[e] as string;
        this.lift[e] = liftWeight * exposure.liftFor(id);
        this.exploreLift[e] = config.exploration.lowExposure * exposure.lowExposureFor(id);
      }
    }

    this.excluded = new Uint8Array(pool.items.length);
    for (const id of options.seen ?? []) {
      const i = pool.indexById.get(id);
      if (i !== undefined) this.excluded[i] = 1;
    }
    for (const word of profile.mutes.words) {
      for (const i of pool.itemsMentioning(word)) this.excluded[i] = 1;
    }
    if (pool.restricted.length > 0) {
      const groups = new Set(profile.audiences);
      for (const i of pool.restricted) {
        const audience = pool.items[i]?.audience ?? [];
        if (!audience.some((group) => groups.has(group))) this.excluded[i] = 1;
      }
    }
  }

  /**
   * The learner's score for candidate i, or FILTERED. Sets `affinity` and `fatigue` as side
   * outputs so the selection loop can tell interest from exploration candidates in one pass.
   */
  score(i: number): number {
    if (this.excluded[i] === 1) return FILTERED;
    const pool = this.pool;
    const e = pool.itemExpert[i] as number;
    if (this.expertBlocked[e] === 1) return FILTERED;
    let miss = 1;
    let fatigue = this.expertFatigue[e] as number;
    const end = pool.topicOffsets[i + 1] as number;
    for (let j = pool.topicOffsets[i] as number; j < end; j++) {
      const t = pool.topicIds[j] as number;
      if (this.topicBlocked[t] === 1) return FILTERED;
      miss *= 1 - (this.interest[t] as number);
      fatigue *= this.topicFatigue[t] as number;
    }
    this.affinity = 1 - miss;
    this.fatigue = fatigue;
    return (
      ((pool.base[i] as number) +
        this.topicWeight * this.affinity +
        (this.followBonus[e] as number) +
        (this.lift[e] as number)) *
      fatigue
    );
  }

  /**
   * The selection pass: every candidate that survives the hard filters is offered once, to
   * `explore` with its exploration score (quality lifted for experts with little exposure so far)
   * when it lies outside the learner's interests and follows, else to `interest` with its score.
   * The same formula as `score`, fused into one loop with its arrays in locals: this loop is the
   * whole cost of a drop. Pass `explore` undefined when the drop has no exploration slots.
   */
  offerAll(
    interest: CandidateSink,
    explore: CandidateSink | undefined,
    penalty: Float64Array,
  ): void {
    const {
      excluded,
      expertBlocked,
      expertFatigue,
      topicBlocked,
      topicFatigue,
      followBonus,
      lift,
    } = this;
    const { exploreLift, topicWeight } = this;
    const weights = this.interest;
    const { itemExpert, topicOffsets, topicIds, base, idHash } = this.pool;
    const n = idHash.length;
    candidates: for (let i = 0; i < n; i++) {
      if (excluded[i] === 1) continue;
      const e = itemExpert[i] as number;
      if (expertBlocked[e] === 1) continue;
      let miss = 1;
      let fatigue = expertFatigue[e] as number;
      const end = topicOffsets[i + 1] as number;
      for (let j = topicOffsets[i] as number; j < end; j++) {
        const t = topicIds[j] as number;
        if (topicBlocked[t] === 1) continue candidates;
        miss *= 1 - (weights[t] as number);
        fatigue *= topicFatigue[t] as number;
      }
      const follow = followBonus[e] as number;
      const quality = base[i] as number;
      if (explore !== undefined && miss === 1 && follow === 0) {
        explore.offer(
          (quality + (exploreLift[e] as number)) * fatigue,
          penalty[e] as number,
          idHash[i] as number,
          i,
        );
      } else {
        const score = (quality + topicWeight * (1 - miss) + follow + (lift[e] as number)) * fatigue;
        interest.offer(score, penalty[e] as number, idHash[i] as number, i);
      }
    }
  }

  /** Candidate i's score without the fairness lift: its merit for fairness accounting. */
  relevance(i: number): number {
    const score = this.score(i);
    if (score === FILTERED) return 0;
    return score - (this.lift[this.pool.itemExpert[i] as number] as number) * this.fatigue;
  }

  /** The named parts of candidate i's score, or undefined when it is filtered. */
  components(i: number): ScoreComponents | undefined {
    const total = this.score(i);
    if (total === FILTERED) return undefined;
    const { pool } = this;
    const { weights } = pool.config;
    const e = pool.itemExpert[i] as number;
    return {
      topic: this.topicWeight * this.affinity,
      followed: this.followBonus[e] as number,
      trust: weights.trust * (pool.expertTrust[e] as number),
      freshness: weights.freshness * (pool.freshness[i] as number),
      social: weights.social * (pool.social[i] as number),
      fairness: this.lift[e] as number,
      fatigue: this.fatigue,
      affinity: this.affinity,
      total,
    };
  }

  /** Learner interest in a topic, 0 when the pool has never seen it. */
  interestIn(topic: string): number {
    const t = this.pool.topicIndexByName.get(topic);
    return t === undefined ? 0 : (this.interest[t] as number);
  }

  private block(mask: Uint8Array, index: ReadonlyMap<string, number>, key: string): void {
    const at = index.get(key);
    if (at !== undefined) mask[at] = 1;
  }
}
