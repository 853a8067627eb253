import { DEFAULT_RANKING_CONFIG, type RankingConfig } from "../config/ranking-config.ts";
import { SightlineError } from "../errors.ts";
import type { FeedbackEvent } from "../schemas/feedback-event.ts";
import type { LearnerProfile } from "../schemas/learner-profile.ts";
import { learnedDecay } from "../scoring/topic-affinity.ts";

/** Learned adjustments smaller than this are dropped, so the profile does not grow forever. */
const NEGLIGIBLE = 0.005;

/**
 * Folds one feedback event into a learner's profile and returns the new profile; the input is
 * never mutated. Learned topic adjustments saturate inside −1..1 and decay toward zero with the
 * configured half-life, so no single burst of clicks defines a learner for good.
 */
export function applyFeedback(
  profile: LearnerProfile,
  event: FeedbackEvent,
  config: RankingConfig = DEFAULT_RANKING_CONFIG,
): LearnerProfile {
  if (event.learnerId !== profile.id) {
    throw new SightlineError(
      "INVALID_INPUT",
      `Feedback event for learner "${event.learnerId}" was applied to the profile of "${profile.id}": route events by learnerId.`,
    );
  }
  const at = Date.parse(event.at);
  const next = decayLearned(profile, at, config.feedback.learnedHalfLifeDays);
  const { feedback } = config;

  switch (event.type) {
    case "like":
      return nudgeTopics(next, event.topics, feedback.like);
    case "complete":
      return nudgeTopics(next, event.topics, feedback.complete);
    case "dismiss":
      return nudgeTopics(next, event.topics, feedback.dismiss);
    case "save": {
      const nudged = nudgeTopics(next, event.topics, feedback.save);
      if (nudged.saved.some((saved) => saved.itemId === event.itemId)) return nudged;
      return {
        ...nudged,
        saved: [...nudged.saved, { itemId: event.itemId, savedAt: event.at, resurfacedCount: 0 }],
      };
    }
    case "seen":
      return {
        ...next,
        saved: next.saved.map((saved) =>
          saved.itemId === event.itemId && at > Date.parse(saved.savedAt)
            ? { ...saved, resurfacedCount: saved.resurfacedCount + 1, lastResurfacedAt: event.at }
            : saved,
        ),
      };
    case "less-of-expert":
      return {
        ...next,
        lessOf: { ...next.lessOf, experts: { ...next.lessOf.experts, [event.expertId]: event.at } },
      };
    case "less-of-topic": {
      const nudged = nudgeTopics(next, [event.topic], feedback.lessOfTopic);
      return {
        ...nudged,
        lessOf: { ...nudged.lessOf, topics: { ...nudged.lessOf.topics, [event.topic]: event.at } },
      };
    }
    case "more-of-topic": {
      const nudged = nudgeTopics(next, [event.topic], feedback.moreOfTopic);
      const { [event.topic]: _forgiven, ...topics } = nudged.lessOf.topics;
      return {
        ...nudged,
        lessOf: { ...nudged.lessOf, topics },
        mutes: { ...nudged.mutes, topics: nudged.mutes.topics.filter((t) => t !== event.topic) },
      };
    }
    case "mute-word": {
      const word = event.word.toLowerCase();
      if (next.mutes.words.includes(word)) return next;
      return { ...next, mutes: { ...next.mutes, words: [...next.mutes.words, word] } };
    }
  }
}

function decayLearned(profile: LearnerProfile, at: number, halfLifeDays: number): LearnerProfile {
  const previous = profile.learnedAt === undefined ? undefined : Date.parse(profile.learnedAt);
  if (previous !== undefined && at <= previous) return profile;
  const factor = learnedDecay(profile.learnedAt, at, halfLifeDays);
  const learned: Record<string, number> = {};
  for (const [topic, value] of Object.entries(profile.learned)) {
    const decayed = value * factor;
    if (Math.abs(decayed) >= NEGLIGIBLE) learned[topic] = decayed;
  }
  return { ...profile, learned, learnedAt: new Date(at).toISOString() };
}

/** Moves each topic's learned value toward +1 or −1 by `delta` of the remaining distance. */
function nudgeTopics(
  profile: LearnerProfile,
  topics: readonly string[],
  delta: number,
): LearnerProfile {
  if (topics.length === 0 || delta === 0) return profile;
  const learned = { ...profile.learned };
  for (const topic of topics) {
    const value = learned[topic] ?? 0;
    learned[topic] = delta > 0 ? value + delta * (1 - value) : value + delta * (1 + value);
  }
  return { ...profile, learned };
}
