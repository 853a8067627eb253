import type { IdentityMode } from "../feed-config.ts";

/** What can identify one item, in identity-mode order. */
export interface IdentityCandidates {
  readonly guid?: string;
  readonly link?: string;
  readonly content: string;
}

/** Share of items with a missing or repeated identity above which a feed moves to the next mode. */
const UNRELIABLE_SHARE = 0.05;

function unreliableCount(items: readonly IdentityCandidates[], mode: "guid" | "link"): number {
  const seen = new Set<string>();
  let bad = 0;
  for (const item of items) {
    const value = item[mode];
    if (value === undefined || seen.has(value)) bad += 1;
    else seen.add(value);
  }
  return bad;
}

export interface IdentityChoice {
  readonly mode: IdentityMode;
  /** Why the feed moved past `start`, in words; absent when it did not. */
  readonly reason?: string;
}

/**
 * The identity mode a feed's items should use: `start` (the mode persisted for the feed), or a
 * later one when over 5 % of items lack a usable value or repeat another item's.
 */
export function chooseIdentityMode(
  items: readonly IdentityCandidates[],
  start: IdentityMode,
): IdentityChoice {
  const reasons: string[] = [];
  let mode = start;
  while (mode !== "content") {
    const bad = unreliableCount(items, mode);
    if (bad <= items.length * UNRELIABLE_SHARE) break;
    reasons.push(`${bad} of ${items.length} items have a missing or repeated ${mode}`);
    mode = mode === "guid" ? "link" : "content";
  }
  if (reasons.length === 0) return { mode };
  return {
    mode,
    reason: `${reasons.join(", and ")}; items are now identified by ${mode} (persist identityMode "${mode}" for this feed, as ids change once)`,
  };
}
