import type { ContentItem } from "../schemas/content-item.ts";
import type { Reason, SlotKind } from "../schemas/drop.ts";
import type { SavedItem } from "../schemas/learner-profile.ts";
import type { LearnerScorer, ScoreComponents } from "../scoring/learner-scorer.ts";

const DAY_MS = 86_400_000;
/** A component worth mentioning accounts for at least this share of the score. */
const MENTION_SHARE = 0.12;
const MAX_REASONS = 3;
const TRUSTED = 0.8;

export interface ExplainInput {
  readonly scorer: LearnerScorer;
  readonly index: number;
  readonly slot: SlotKind;
  readonly components: ScoreComponents;
  readonly saved?: SavedItem;
}

/**
 * Human reasons for one entry of a drop, strongest first: "because you follow Ada", "liked by
 * 12 colleagues", "new in Kubernetes". Each names the score component it comes from and how much
 * of the score that component contributed.
 */
export function explainEntry(input: ExplainInput): Reason[] {
  const { scorer, index, slot, components, saved } = input;
  const { pool } = scorer;
  const item = pool.items[index] as ContentItem;
  const expertName = pool.expertNames[pool.itemExpert[index] as number] as string;
  const favourite = favouriteTopic(scorer, item);
  const scale = components.fatigue;
  const reasons: Reason[] = [];

  if (slot === "resurface" && saved !== undefined) {
    const days = Math.max(1, Math.round((pool.now - Date.parse(saved.savedAt)) / DAY_MS));
    reasons.push({
      code: "resurface",
      text: `you saved this ${days} day${days === 1 ? "" : "s"} ago`,
      contribution: components.total,
    });
  }
  if (slot === "explore") {
    reasons.push({
      code: "explore",
      text: `something different: ${favourite ?? item.kind} from ${expertName}`,
      contribution: components.total,
    });
  }

  const candidates: Reason[] = [
    {
      code: "topic",
      text: `matches your interest in ${favourite ?? "this topic"}`,
      contribution: components.topic * scale,
    },
    {
      code: "followed",
      text: `because you follow ${expertName}`,
      contribution: components.followed * scale,
    },
    {
      code: "social",
      text: socialText(item, pool.config.social.mentionAtLikes),
      contribution: components.social * scale,
    },
    {
      code: "fresh",
      text: favourite === undefined ? `new from ${expertName}` : `new in ${favourite}`,
      contribution: components.freshness * scale,
    },
    {
      code: "trust",
      text: `from ${expertName}, an expert your organisation trusts`,
      // Average trust is not worth a sentence; only a clearly trusted expert is.
      contribution:
        (pool.expertTrust[pool.itemExpert[index] as number] as number) >= TRUSTED
          ? components.trust * scale
          : 0,
    },
    {
      code: "fairness",
      text: `${expertName} deserves more of your attention than they get`,
      contribution: components.fairness * scale,
    },
  ];
  const threshold = components.total * MENTION_SHARE;
  // Colleagues' likes are worth saying once there are a few, whatever their share of the score:
  // "liked by 12 colleagues" is the reason people trust most.
  const notable = (reason: Reason): boolean =>
    reason.contribution >= threshold ||
    (reason.code === "social" && item.likeCount >= pool.config.social.mentionAtLikes);
  for (const reason of candidates.sort((a, b) => b.contribution - a.contribution)) {
    if (reasons.length >= MAX_REASONS) break;
    if (reason.contribution > 0 && (notable(reason) || reasons.length === 0)) reasons.push(reason);
  }
  return reasons;
}

function socialText(item: ContentItem, mentionAtLikes: number): string {
  if (item.likeCount >= mentionAtLikes) {
    return `liked by ${item.likeCount} colleague${item.likeCount === 1 ? "" : "s"}`;
  }
  if (item.completionCount > 0)
    return `finished by ${item.completionCount} colleague${item.completionCount === 1 ? "" : "s"}`;
  return "colleagues are reading this";
}

/** The item's topic the learner cares most about, else its first topic. */
function favouriteTopic(scorer: LearnerScorer, item: ContentItem): string | undefined {
  let best: string | undefined;
  let bestWeight = 0;
  for (const topic of item.topics) {
    const weight = scorer.interestIn(topic);
    if (weight > bestWeight) {
      best = topic;
      bestWeight = weight;
    }
  }
  return best ?? item.topics[0];
}
