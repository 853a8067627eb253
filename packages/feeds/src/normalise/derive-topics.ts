import { collapseSpaces } from "../collapse-spaces.ts";
import type { KeywordRule } from "../feed-config.ts";

/** Core caps an item's topics at 50 and each topic at 100 characters. */
const MAX_TOPICS = 50;
const MAX_TOPIC_LENGTH = 100;

export type TopicMatcher = (text: string) => string[];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Compiles keyword rules once per feed: each rule is one case-insensitive whole-word pattern. */
export function compileKeywordRules(rules: readonly KeywordRule[]): TopicMatcher {
  const compiled = rules.map((rule) => ({
    topic: rule.topic,
    pattern: new RegExp(
      `(?<![\\p{L}\\p{N}])(?:${rule.keywords.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`,
      "iu",
    ),
  }));
  return (text) => compiled.filter(({ pattern }) => pattern.test(text)).map(({ topic }) => topic);
}

/**
 * Merges topic sources in priority order into at most 50 distinct topics. Topics are lower-cased
 * (core compares them exactly, so "Kubernetes" and "kubernetes" must be one topic) and a
 * category holding a comma-separated list ("Botany, Microbiology") becomes several topics.
 */
export function deriveTopics(...sources: readonly (readonly string[])[]): string[] {
  const topics = new Set<string>();
  for (const source of sources) {
    for (const entry of source) {
      for (const part of entry.split(",")) {
        const topic = collapseSpaces(part).trim().toLowerCase();
        if (topic !== "" && topic.length <= MAX_TOPIC_LENGTH) topics.add(topic);
        if (topics.size === MAX_TOPICS) return [...topics];
      }
    }
  }
  return [...topics];
}
