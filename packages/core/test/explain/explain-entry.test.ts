import { explainEntry, LearnerScorer } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { DAY, HOUR, item, learner, NOW, pool } from "../fixtures.ts";

function reasonsFor(
  candidate = item(),
  profile = learner(),
  slot: "interest" | "explore" = "interest",
) {
  const scorer = new LearnerScorer(pool([candidate]), profile);
  const components = scorer.components(0);
  if (components === undefined) throw new Error("filtered");
  return explainEntry({ scorer, index: 0, slot, components });
}

test("names the followed expert", () => {
  const reasons = reasonsFor(
    item({ expertId: "ada", topics: ["cooking"] }),
    learner({ followedExperts: ["ada"] }),
  );
  assert.ok(
    reasons.some(
      (reason) => reason.code === "followed" && reason.text === "because you follow Ada Lovelace",
    ),
  );
});

test("counts colleagues' likes", () => {
  const reasons = reasonsFor(
    item({ likeCount: 12, impressionCount: 20, topics: ["cooking"] }),
    learner({ interests: {} }),
  );
  assert.ok(
    reasons.some((reason) => reason.text === "liked by 12 colleagues"),
    JSON.stringify(reasons),
  );
});

test("says what is new and in which of the learner's topics", () => {
  const fresh = item({
    kind: "post",
    topics: ["kubernetes"],
    publishedAt: new Date(NOW - HOUR).toISOString(),
  });
  const reasons = reasonsFor(fresh);
  assert.ok(
    reasons.some((reason) => reason.text === "new in kubernetes"),
    JSON.stringify(reasons),
  );
  assert.ok(reasons.some((reason) => reason.text === "matches your interest in kubernetes"));
});

test("strongest reason first, at most three, each with its contribution", () => {
  const reasons = reasonsFor(
    item({ likeCount: 30, impressionCount: 40 }),
    learner({ followedExperts: ["ada"] }),
  );
  assert.ok(reasons.length <= 3 && reasons.length > 0);
  for (let i = 1; i < reasons.length; i++) {
    assert.ok((reasons[i - 1]?.contribution ?? 0) >= (reasons[i]?.contribution ?? 0));
  }
});

test("an exploration pick says it is something different", () => {
  const reasons = reasonsFor(
    item({
      topics: ["pottery"],
      expertId: "grace",
      publishedAt: new Date(NOW - 20 * DAY).toISOString(),
    }),
    learner(),
    "explore",
  );
  assert.is(reasons[0]?.text, "something different: pottery from Grace Hopper");
});

test.run();
