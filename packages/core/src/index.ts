// The public surface of @sightline/core. Everything an app needs is named here; nothing else is
// part of the API.

export { dropKeyFor, nextDropTime } from "./cadence/next-drop-time.ts";
export { NEW_ITEM_SIGNALS } from "./config/new-item-signals.ts";
export {
  NEW_LEARNER_DEFAULTS,
  type NewLearnerInput,
  newLearnerProfile,
} from "./config/new-learner-profile.ts";
export {
  DEFAULT_RANKING_CONFIG,
  RankingConfig,
  type RankingConfigInput,
  resolveRankingConfig,
} from "./config/ranking-config.ts";
export { type SelectDropOptions, type SelectionResult, selectDrop } from "./drops/select-drop.ts";
export {
  SightlineError,
  type SightlineErrorCode,
  type SightlineErrorOptions,
  type SightlineIssue,
} from "./errors.ts";
export { explainEntry } from "./explain/explain-entry.ts";
export {
  ExposureLedger,
  ExposureLedgerState,
  type ExposureRecord,
} from "./fairness/exposure-ledger.ts";
export { applyFeedback } from "./feedback/apply-feedback.ts";
export { arrangeWithoutAdjacency, DiversityGuard, maxPerTopicFor } from "./sampling/diversity.ts";
export { GumbelShortlist, gumbelTopK } from "./sampling/gumbel-top-k.ts";
export {
  createRandom,
  hashString32,
  type RandomSource,
  seedFor,
} from "./sampling/random-source.ts";
export { ContentItem, ContentKind, Moderation } from "./schemas/content-item.ts";
export { Drop, DropEntry, Reason, ReasonCode, SlotKind } from "./schemas/drop.ts";
export { Expert } from "./schemas/expert.ts";
export { FeedbackEvent, type FeedbackType } from "./schemas/feedback-event.ts";
export { Cadence, Chaos, LearnerProfile, SavedItem } from "./schemas/learner-profile.ts";
export {
  parseContentItem,
  parseDrop,
  parseExpert,
  parseFeedbackEvent,
  parseLearnerProfile,
} from "./schemas/parse-input.ts";
export { HttpUrl, Id, Timestamp, Topic } from "./schemas/primitives.ts";
export { fatigueMultiplier } from "./scoring/feedback-fatigue.ts";
export { freshness } from "./scoring/freshness.ts";
export {
  type ExposureSignals,
  FILTERED,
  LearnerScorer,
  type ScoreComponents,
  type ScorerOptions,
} from "./scoring/learner-scorer.ts";
export { type PoolOptions, type PreparedPool, preparePool } from "./scoring/prepare-pool.ts";
export { positiveSignals, socialProof, wilsonLowerBound } from "./scoring/social-proof.ts";
export { effectiveInterests, topicAffinity } from "./scoring/topic-affinity.ts";
export { InMemorySeenStore } from "./seen/in-memory-seen-store.ts";
export { dueSaves, resurfaceDueAt, resurfaceIntervalDays } from "./seen/resurfacing.ts";
export type { MaybePromise, SeenStore } from "./seen/seen-store.ts";
export {
  createPersonalStream,
  type PersonalStreamOptions,
} from "./streams/create-personal-stream.ts";
