import { FILTERED, LearnerScorer } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { catalogue, DAY, item, learner, NOW, pool } from "../fixtures.ts";

function scoreOf(items: Parameters<typeof pool>[0], profile = learner(), seen?: Set<string>) {
  const prepared = pool(items);
  const scorer = new LearnerScorer(prepared, profile, seen === undefined ? {} : { seen });
  return items.map((candidate) => {
    const index = prepared.indexById.get(candidate.id);
    return index === undefined ? undefined : scorer.score(index);
  });
}

test("the fused selection pass offers exactly what score() computes, to the right shortlist", () => {
  const candidates = catalogue(300, 12, 9).map((entry, i) => ({
    ...entry,
    likeCount: i % 13,
    impressionCount: 20,
  }));
  const prepared = pool(candidates);
  const profile = learner({
    interests: { "t-0": 1, "t-3": 0.4 },
    followedExperts: ["e-5"],
    mutes: { experts: ["e-7"], topics: ["t-8"], words: [] },
    lessOf: { experts: { "e-2": new Date(NOW - 10 * DAY).toISOString() }, topics: {} },
  });
  const scorer = new LearnerScorer(prepared, profile, { seen: new Set(["c-4", "c-5"]) });
  const offered = new Map<number, { score: number; list: string }>();
  const sink = (list: string) => ({
    offer: (score: number, _penalty: number, _hash: number, index: number) => {
      assert.not.ok(offered.has(index), "offered once");
      offered.set(index, { score, list });
    },
  });
  scorer.offerAll(sink("interest"), sink("explore"), new Float64Array(prepared.expertIds.length));
  for (let i = 0; i < prepared.items.length; i++) {
    const score = scorer.score(i);
    const got = offered.get(i);
    if (score === FILTERED) {
      assert.is(got, undefined, `candidate ${i} is filtered`);
      continue;
    }
    const candidate = prepared.items[i];
    const outside =
      scorer.affinity === 0 && !profile.followedExperts.includes(candidate?.expertId ?? "");
    assert.is(got?.list, outside ? "explore" : "interest", `candidate ${i}`);
    if (!outside) assert.ok(Math.abs((got?.score ?? Number.NaN) - score) < 1e-12);
  }
  assert.ok([...offered.values()].some((entry) => entry.list === "explore"));
});

test("the total equals the sum of its named components", () => {
  const candidates = [item({ likeCount: 9, impressionCount: 20, topics: ["kubernetes", "go"] })];
  const prepared = pool(candidates);
  const scorer = new LearnerScorer(
    prepared,
    learner({ followedExperts: ["ada"], interests: { kubernetes: 0.6, go: 0.5 } }),
  );
  const parts = scorer.components(0);
  assert.ok(parts !== undefined);
  const sum =
    parts.topic + parts.followed + parts.trust + parts.freshness + parts.social + parts.fairness;
  assert.ok(Math.abs(sum * parts.fatigue - parts.total) < 1e-12);
  assert.ok(Math.abs(parts.affinity - 0.8) < 1e-12);
  assert.ok(parts.followed > 0 && parts.social > 0 && parts.topic > 0);
});

test("interest, follows, trust, freshness and colleagues each raise the score", () => {
  const base = { topics: ["kubernetes"], expertId: "linus" };
  const [plain, trusted, fresher, liked] = scoreOf([
    item(base),
    item({ ...base, expertId: "ada" }),
    item({ ...base, publishedAt: new Date(NOW - DAY / 4).toISOString() }),
    item({ ...base, likeCount: 12, impressionCount: 30 }),
  ]);
  assert.ok((trusted as number) > (plain as number));
  assert.ok((fresher as number) > (plain as number));
  assert.ok((liked as number) > (plain as number));
  const [followed] = scoreOf([item(base)], learner({ followedExperts: ["linus"] }));
  assert.ok((followed as number) > (plain as number));
  const [offTopic] = scoreOf([item({ ...base, topics: ["cooking"] })]);
  assert.ok((offTopic as number) < (plain as number));
});

test("hard filters: muted experts, topics and words, and seen items", () => {
  const muted = learner({
    mutes: { experts: ["grace"], topics: ["crypto"], words: ["blockchain"] },
  });
  const scores = scoreOf(
    [
      item({ expertId: "grace" }),
      item({ topics: ["kubernetes", "crypto"] }),
      item({ title: "Why Blockchain matters" }),
      item({ summary: "on blockchains in the wild" }),
      item({ id: "seen-one" }),
      item({ title: "Nothing to hide" }),
    ],
    muted,
    new Set(["seen-one"]),
  );
  assert.equal(scores.slice(0, 5), [FILTERED, FILTERED, FILTERED, FILTERED, FILTERED]);
  assert.ok((scores[5] as number) > 0);
});

test("a muted word matches at the start of a word only", () => {
  const scores = scoreOf(
    [item({ title: "Ergo, we ship" }), item({ title: "Go generics" })],
    learner({ mutes: { experts: [], topics: [], words: ["go"] } }),
  );
  assert.ok((scores[0] as number) > 0);
  assert.is(scores[1], FILTERED);
});

test("flagged and hidden items never enter the pool", () => {
  const scores = scoreOf([item({ moderation: "flagged" }), item({ moderation: "hidden" }), item()]);
  assert.equal(scores.slice(0, 2), [undefined, undefined]);
});

test("items restricted to other audiences are filtered", () => {
  const scores = scoreOf(
    [item({ audience: ["finance"] }), item({ audience: ["engineering", "finance"] }), item()],
    learner({ audiences: ["engineering"] }),
  );
  assert.is(scores[0], FILTERED);
  assert.ok((scores[1] as number) > 0 && (scores[2] as number) > 0);
});

test("less-of an expert filters them for the hold, then ramps them back", () => {
  const asked = (daysAgo: number) =>
    learner({
      lessOf: { experts: { ada: new Date(NOW - daysAgo * DAY).toISOString() }, topics: {} },
    });
  const candidate = item({ expertId: "ada" });
  const [normal] = scoreOf([candidate]);
  const [held] = scoreOf([candidate], asked(1));
  const [ramping] = scoreOf([candidate], asked(7 + 10.5));
  const [back] = scoreOf([candidate], asked(60));
  assert.is(held, FILTERED);
  assert.ok(Math.abs((ramping as number) - (normal as number) / 2) < 1e-9);
  assert.is(back, normal);
});

test.run();
