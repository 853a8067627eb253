import {
  applyFeedback,
  type ContentItem,
  DEFAULT_RANKING_CONFIG,
  type FeedbackEvent,
  type LearnerProfile,
  preparePool,
  SightlineError,
  selectDrop,
} from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DAY, EXPERTS, HOUR, item, learner, NOW } from "../fixtures.ts";

const at = (ms: number) => new Date(ms).toISOString();
type Fields<T extends FeedbackEvent["type"]> = Omit<
  Extract<FeedbackEvent, { type: T }>,
  "type" | "learnerId" | "at"
>;
const event = <T extends FeedbackEvent["type"]>(
  type: T,
  fields: Fields<T>,
  when = NOW,
): FeedbackEvent =>
  ({ type, learnerId: "learner-1", at: at(when), ...fields }) as unknown as FeedbackEvent;

/** A catalogue where Ada posts a third of everything about the learner's topics. */
function catalogue(): ContentItem[] {
  const experts = ["ada", "grace", "linus", "margaret", "barbara", "edsger"];
  const topics = ["kubernetes", "go", "rust", "testing"];
  return Array.from({ length: 600 }, (_, i) =>
    item({
      id: `fb-${i}`,
      expertId: i % 3 === 0 ? "ada" : (experts[1 + (i % 5)] as string),
      topics: [topics[i % 4] as string],
      publishedAt: at(NOW - (i % 72) * HOUR),
    }),
  );
}

/** Ten daily drops; returns every item shown. */
function tenDrops(
  profile: LearnerProfile,
  items: readonly ContentItem[],
  start: number,
): ContentItem[] {
  const seen = new Set<string>();
  const shown: ContentItem[] = [];
  for (let day = 0; day < 10; day++) {
    const now = start + day * DAY;
    const prepared = preparePool(items, { experts: EXPERTS, now, config: DEFAULT_RANKING_CONFIG });
    const { drop } = selectDrop(prepared, profile, {
      dropKey: `day-${day}`,
      seen,
      itemsPerDrop: 10,
    });
    for (const entry of drop.items) {
      seen.add(entry.item.id);
      shown.push(entry.item);
    }
  }
  return shown;
}

const share = (items: readonly ContentItem[], test: (item: ContentItem) => boolean) =>
  items.filter(test).length / items.length;

test("after 'less of this expert' that expert's share of the next ten drops falls by at least 80 %", () => {
  const items = catalogue();
  const profile = learner({ interests: { kubernetes: 1, go: 0.8, rust: 0.6, testing: 0.5 } });
  const before = share(tenDrops(profile, items, NOW), (shown) => shown.expertId === "ada");
  const after = share(
    tenDrops(applyFeedback(profile, event("less-of-expert", { expertId: "ada" })), items, NOW),
    (shown) => shown.expertId === "ada",
  );
  assert.ok(before >= 0.15, `Ada had a real share before: ${before}`);
  assert.ok(after <= before * 0.2, `before ${before}, after ${after}`);
});

test("after 'more of this topic' the topic's share rises", () => {
  const items = catalogue();
  const profile = learner({ interests: { kubernetes: 1, go: 0.3, rust: 0.6, testing: 0.5 } });
  const before = share(tenDrops(profile, items, NOW), (shown) => shown.topics.includes("go"));
  const after = share(
    tenDrops(applyFeedback(profile, event("more-of-topic", { topic: "go" })), items, NOW),
    (shown) => shown.topics.includes("go"),
  );
  assert.ok(after > before, `before ${before}, after ${after}`);
});

test("never mutates the profile it is given", () => {
  const profile = learner();
  const frozen = JSON.stringify(profile);
  applyFeedback(profile, event("like", { itemId: "x", topics: ["kubernetes"] }));
  applyFeedback(profile, event("mute-word", { word: "Crypto" }));
  assert.is(JSON.stringify(profile), frozen);
});

test("learned weights stay bounded however many likes arrive", () => {
  let profile = learner();
  for (let i = 0; i < 500; i++)
    profile = applyFeedback(
      profile,
      event("complete", { itemId: `i${i}`, topics: ["go"] }, NOW + i),
    );
  const value = profile.learned.go ?? 0;
  assert.ok(value > 0.9 && value < 1, String(value));
  for (let i = 0; i < 500; i++)
    profile = applyFeedback(
      profile,
      event("dismiss", { itemId: `d${i}`, topics: ["go"] }, NOW + 1000 + i),
    );
  const low = profile.learned.go ?? 0;
  assert.ok(low > -1 && low < 0.9, String(low));
});

test("learned weights decay toward zero over time", () => {
  const liked = applyFeedback(learner(), event("more-of-topic", { topic: "go" }));
  const later = applyFeedback(liked, event("like", { itemId: "x", topics: [] }, NOW + 60 * DAY));
  const before = liked.learned.go ?? 0;
  const after = later.learned.go ?? 0;
  assert.ok(Math.abs(after - before / 4) < 1e-9, `${before} → ${after}`);
});

test("save adds the item once; a later sighting counts as a resurfacing", () => {
  let profile = applyFeedback(learner(), event("save", { itemId: "keep", topics: [] }));
  profile = applyFeedback(profile, event("save", { itemId: "keep", topics: [] }));
  assert.is(profile.saved.length, 1);
  profile = applyFeedback(profile, event("seen", { itemId: "keep" }, NOW + 3 * DAY));
  assert.is(profile.saved[0]?.resurfacedCount, 1);
  assert.is(profile.saved[0]?.lastResurfacedAt, at(NOW + 3 * DAY));
});

test("mute-word stores the word once, lower-cased", () => {
  let profile = applyFeedback(learner(), event("mute-word", { word: "Crypto" }));
  profile = applyFeedback(profile, event("mute-word", { word: "crypto" }));
  assert.equal(profile.mutes.words, ["crypto"]);
});

test("more-of-topic lifts an earlier less-of-topic and mute on that topic", () => {
  let profile = learner({ mutes: { experts: [], topics: ["go"], words: [] } });
  profile = applyFeedback(profile, event("less-of-topic", { topic: "go" }));
  assert.ok("go" in profile.lessOf.topics);
  profile = applyFeedback(profile, event("more-of-topic", { topic: "go" }, NOW + HOUR));
  assert.not.ok("go" in profile.lessOf.topics);
  assert.equal(profile.mutes.topics, []);
});

test("refuses an event for another learner", () => {
  try {
    applyFeedback(learner(), {
      ...event("like", { itemId: "x", topics: [] }),
      learnerId: "someone-else",
    });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, SightlineError);
    assert.is((error as SightlineError).code, "INVALID_INPUT");
  }
});

test.run();
