import {
  Drop,
  FeedbackEvent,
  newLearnerProfile,
  parseExpert,
  parseFeedbackEvent,
  parseLearnerProfile,
  SightlineError,
} from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof SightlineError) return error.issues.map((issue) => issue.path);
    throw error;
  }
  throw new Error("expected a SightlineError");
}

test("a new learner gets complete defaults and passes the full schema", () => {
  const profile = newLearnerProfile({ id: "ada" });
  assert.equal(parseLearnerProfile(profile), profile);
  assert.is(profile.cadence.itemsPerDrop, 5);
});

test("rejects a cadence that is not cron, a zone that is not IANA, weights out of range", () => {
  const paths = issuesOf(() =>
    newLearnerProfile({
      id: "ada",
      interests: { rust: 1.5 },
      cadence: { itemsPerDrop: 5, schedule: "every morning", timezone: "Mars/Olympus" },
    }),
  );
  assert.ok(paths.includes("interests.rust"), paths.join());
  assert.ok(paths.includes("cadence.schedule"), paths.join());
  assert.ok(paths.includes("cadence.timezone"), paths.join());
});

test("an expert's trust must lie in 0..1", () => {
  assert.equal(
    issuesOf(() => parseExpert({ id: "a", name: "A", topics: [], trust: 2 })),
    ["trust"],
  );
});

test("feedback events are checked per type", () => {
  const at = "2026-11-02T09:00:00Z";
  assert.is(
    parseFeedbackEvent({ type: "less-of-expert", learnerId: "l", expertId: "ada", at }).type,
    "less-of-expert",
  );
  assert.equal(
    issuesOf(() => parseFeedbackEvent({ type: "less-of-expert", learnerId: "l", at })),
    ["expertId"],
  );
  assert.ok(
    issuesOf(() => parseFeedbackEvent({ type: "applause", learnerId: "l", at })).length > 0,
  );
  assert.equal(FeedbackEvent.options.map((option) => option.shape.type.value).sort(), [
    "complete",
    "dismiss",
    "less-of-expert",
    "less-of-topic",
    "like",
    "more-of-topic",
    "mute-word",
    "save",
    "seen",
  ]);
});

test("a drop records each item's slot kind", () => {
  assert.equal(Drop.shape.items.element.shape.slot.options, ["interest", "explore", "resurface"]);
});

test.run();
