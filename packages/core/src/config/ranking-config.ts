import { z } from "zod";
import { parseWith } from "../schemas/parse-with.ts";

const positive = z.number().positive();
const nonNegative = z.number().nonnegative();

/**
 * Every tunable of ranking, selection and learning, with its default. This schema is the one
 * place defaults live: partial configuration is filled in from here.
 */
export const RankingConfig = z.strictObject({
  /** Weights of the score's named components; each component is in 0..1. */
  weights: z
    .strictObject({
      topic: nonNegative.default(3),
      followed: nonNegative.default(1.5),
      trust: nonNegative.default(0.75),
      freshness: nonNegative.default(1.25),
      social: nonNegative.default(1),
      /** Scale of the fairness controller's lift for experts whose exposure lags their merit. */
      fairness: nonNegative.default(0.6),
    })
    .prefault({}),
  /** Trust assumed for an expert the ranking was not told about. */
  unknownExpertTrust: z.number().min(0).max(1).default(0.5),
  /** Freshness halves every this many hours: news-like posts fade in hours, courses in months. */
  halfLifeHours: z
    .strictObject({
      post: positive.default(18),
      article: positive.default(14 * 24),
      video: positive.default(21 * 24),
      podcast: positive.default(30 * 24),
      course: positive.default(120 * 24),
    })
    .prefault({}),
  social: z
    .strictObject({
      /** z of the Wilson lower bound: 1.96 is a 95 % interval. */
      wilsonZ: positive.default(1.96),
      /** Exponent of the HN-style gravity decay of raw counts by age in hours. */
      gravity: positive.default(1.8),
      /** Gravity-decayed count at which that half of social proof reaches 0.5. */
      gravityHalfCount: positive.default(3),
      /** Share of social proof taken from the Wilson bound; the rest from decayed counts. */
      wilsonShare: z.number().min(0).max(1).default(0.6),
      /** Colleagues' likes needed before "liked by N colleagues" is worth saying. */
      mentionAtLikes: z.number().int().positive().default(3),
    })
    .prefault({}),
  fatigue: z
    .strictObject({
      /** After "less of this", the expert or topic is not shown at all for this long. */
      holdDays: nonNegative.default(7),
      /** ...then its score ramps linearly back to full over this long. */
      rampDays: nonNegative.default(21),
    })
    .prefault({}),
  seen: z
    .strictObject({
      /** An item seen within this window never comes back, except as a resurfaced save. */
      windowDays: positive.default(90),
    })
    .prefault({}),
  resurface: z
    .strictObject({
      /** Growing gaps before a saved item comes back the 1st, 2nd, ... time. */
      intervalsDays: z.array(positive).min(1).default([2, 7, 21, 60, 180]),
      maxPerDrop: z.number().int().nonnegative().default(1),
    })
    .prefault({}),
  diversity: z
    .strictObject({
      maxPerExpert: z.number().int().positive().default(2),
      /** At most this share of a drop's slots may carry any one topic (at least one slot). */
      maxTopicShare: z.number().gt(0).max(1).default(0.5),
    })
    .prefault({}),
  exploration: z
    .strictObject({
      /** Weight of "this expert has had little exposure" when ranking exploration candidates. */
      lowExposure: nonNegative.default(1.5),
    })
    .prefault({}),
  fairness: z
    .strictObject({
      /** Exposure and merit fade with this half-life, so the controller amortises recent drops. */
      halfLifeDays: positive.default(14),
      /** The lift never exceeds this share of the fairness weight, so relevance stays in charge. */
      maxBoost: z.number().min(0).max(1).default(1),
      /**
       * How far an expert's volume is discounted in sampling: 0 lets an expert with fifty
       * candidates be drawn fifty times as often as one with a single candidate of the same
       * quality; 1 gives both the same chance, so prolific posters do not crowd out the rest.
       */
      volumeDamping: z.number().min(0).max(1).default(1),
    })
    .prefault({}),
  feedback: z
    .strictObject({
      /** Learned topic adjustments halve toward 0 over this many days without reinforcement. */
      learnedHalfLifeDays: positive.default(30),
      like: z.number().min(-1).max(1).default(0.05),
      save: z.number().min(-1).max(1).default(0.08),
      complete: z.number().min(-1).max(1).default(0.1),
      dismiss: z.number().min(-1).max(1).default(-0.05),
      moreOfTopic: z.number().min(-1).max(1).default(0.3),
      lessOfTopic: z.number().min(-1).max(1).default(-0.3),
    })
    .prefault({}),
  /** How many candidates per slot the selection keeps before applying diversity rules. */
  shortlistFactor: z.number().int().min(2).max(100).default(4),
});
export type RankingConfig = z.infer<typeof RankingConfig>;
export type RankingConfigInput = z.input<typeof RankingConfig>;

/** The defaults, frozen, for apps that want to read them. */
export const DEFAULT_RANKING_CONFIG: RankingConfig = Object.freeze(RankingConfig.parse({}));

/** Fills a partial configuration from the defaults; a bad value names its field. */
export function resolveRankingConfig(input: RankingConfigInput = {}): RankingConfig {
  return parseWith(RankingConfig, input, "ranking configuration", "INVALID_CONFIG");
}
