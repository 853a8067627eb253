import {
  type ContentItem,
  ExposureLedger,
  type LearnerProfile,
  preparePool,
  resolveRankingConfig,
  selectDrop,
} from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { catalogue, DAY, HOUR, item, learner, NOW, pool } from "../fixtures.ts";

const ids = (result: ReturnType<typeof selectDrop>) =>
  result.drop.items.map((entry) => entry.item.id);
const interested = (overrides: Partial<LearnerProfile> = {}) =>
  learner({ interests: { "t-0": 1, "t-1": 0.8, "t-2": 0.6, "t-3": 0.4 }, ...overrides });

test("the same learner and drop key give the same drop; the next key a different one", () => {
  const prepared = pool(catalogue(400, 20, 8));
  const profile = interested();
  const first = selectDrop(prepared, profile, { dropKey: "2026-11-02T09:00" });
  const refresh = selectDrop(prepared, profile, { dropKey: "2026-11-02T09:00" });
  const next = selectDrop(prepared, profile, { dropKey: "2026-11-03T09:00" });
  assert.equal(ids(refresh), ids(first));
  assert.is(refresh.drop.seed, first.drop.seed);
  assert.not.equal(ids(next), ids(first));
});

test("candidate order does not change the drop", () => {
  const items = catalogue(300, 15, 6);
  const profile = interested();
  const forward = selectDrop(pool(items), profile, { dropKey: "k" });
  const backward = selectDrop(pool([...items].reverse()), profile, { dropKey: "k" });
  assert.equal(new Set(ids(backward)), new Set(ids(forward)));
});

test("fills the learner's cadence size when candidates allow", () => {
  const prepared = pool(catalogue(400, 20, 8));
  assert.is(selectDrop(prepared, interested(), { dropKey: "k" }).drop.items.length, 5);
  assert.is(
    selectDrop(prepared, interested(), { dropKey: "k", itemsPerDrop: 12 }).drop.items.length,
    12,
  );
});

test("at most two items per expert, a capped share per topic, never two neighbours by one expert", () => {
  const prepared = pool(catalogue(2000, 12, 10));
  for (let d = 0; d < 30; d++) {
    const { drop } = selectDrop(prepared, interested(), { dropKey: `d${d}`, itemsPerDrop: 10 });
    const perExpert = new Map<string, number>();
    const perTopic = new Map<string, number>();
    drop.items.forEach((entry, i) => {
      perExpert.set(entry.item.expertId, (perExpert.get(entry.item.expertId) ?? 0) + 1);
      for (const topic of entry.item.topics) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
      if (i > 0) assert.is.not(entry.item.expertId, drop.items[i - 1]?.item.expertId);
    });
    assert.ok(Math.max(...perExpert.values()) <= 2);
    assert.ok(Math.max(...perTopic.values()) <= 5);
  }
});

test("temperature 0 is a deterministic top-k: every drop key gives the same interest picks", () => {
  const prepared = pool(catalogue(500, 25, 8));
  const cold = interested({ chaos: { temperature: 0, explorationShare: 0 } });
  const first = ids(selectDrop(prepared, cold, { dropKey: "a" }));
  for (const key of ["b", "c", "d"])
    assert.equal(new Set(ids(selectDrop(prepared, cold, { dropKey: key }))), new Set(first));
});

test("higher temperature varies more between drop keys", () => {
  // Colleagues' likes spread the scores, so temperature, not ties, decides the variety.
  const graded = catalogue(1000, 40, 8).map((entry, i) => ({
    ...entry,
    likeCount: (i * 7) % 50,
    impressionCount: 60,
  }));
  const prepared = pool(graded);
  const variety = (temperature: number) => {
    const profile = interested({ chaos: { temperature, explorationShare: 0 } });
    const shown = new Set<string>();
    for (let d = 0; d < 20; d++)
      for (const id of ids(selectDrop(prepared, profile, { dropKey: `d${d}` }))) shown.add(id);
    return shown.size;
  };
  const cold = variety(0.02);
  const hot = variety(2);
  assert.ok(hot > cold * 2, `${cold} vs ${hot}`);
});

test("an item seen within the window never comes back", () => {
  const prepared = pool(catalogue(300, 15, 6));
  const seen = new Set<string>();
  for (let d = 0; d < 40; d++) {
    for (const id of ids(selectDrop(prepared, interested(), { dropKey: `d${d}`, seen }))) {
      assert.not.ok(seen.has(id), `${id} repeated in drop ${d}`);
      seen.add(id);
    }
  }
});

test("exploration slots come from outside the learner's interests", () => {
  const items = [
    ...catalogue(200, 10, 2),
    ...Array.from({ length: 50 }, (_, i) =>
      item({ id: `far-${i}`, expertId: `far-${i % 5}`, topics: ["pottery"] }),
    ),
  ];
  const profile = learner({
    interests: { "t-0": 1, "t-1": 1 },
    chaos: { temperature: 0.5, explorationShare: 0.2 },
  });
  let explored = 0;
  for (let d = 0; d < 20; d++) {
    const { drop } = selectDrop(pool(items), profile, { dropKey: `d${d}`, itemsPerDrop: 10 });
    for (const entry of drop.items) {
      if (entry.slot === "explore") {
        explored++;
        assert.equal(entry.item.topics, ["pottery"]);
        assert.is(entry.reasons[0]?.code, "explore");
      } else assert.is(entry.slot, "interest");
    }
  }
  assert.is(explored, 40, "two of ten slots, every drop");
});

test("exploration favours experts with little exposure so far", () => {
  const items = [
    ...catalogue(200, 10, 2),
    ...Array.from({ length: 60 }, (_, i) =>
      item({ id: `far-${i}`, expertId: i < 30 ? "famous" : "unknown", topics: ["pottery"] }),
    ),
  ];
  const ledger = new ExposureLedger();
  ledger.record({ exposure: new Map([["famous", 50]]), merit: new Map() }, NOW - HOUR);
  const profile = learner({
    interests: { "t-0": 1 },
    chaos: { temperature: 0.3, explorationShare: 0.3 },
  });
  const counts = { famous: 0, unknown: 0 };
  for (let d = 0; d < 30; d++) {
    for (const entry of selectDrop(pool(items), profile, { dropKey: `d${d}`, exposure: ledger })
      .drop.items) {
      if (entry.slot === "explore") counts[entry.item.expertId as "famous" | "unknown"]++;
    }
  }
  assert.ok(counts.unknown > counts.famous * 2, JSON.stringify(counts));
});

test("a due save comes back in a resurface slot even though it was seen; others wait", () => {
  const items = catalogue(200, 10, 4);
  const savedAt = new Date(NOW - 3 * DAY).toISOString();
  const profile = interested({
    saved: [
      { itemId: "c-150", savedAt, resurfacedCount: 0 },
      { itemId: "c-151", savedAt, resurfacedCount: 0 },
      { itemId: "c-152", savedAt: new Date(NOW - HOUR).toISOString(), resurfacedCount: 0 },
    ],
  });
  const seen = new Set(["c-150", "c-151", "c-152"]);
  const { drop } = selectDrop(pool(items), profile, { dropKey: "k", seen });
  const resurfaced = drop.items.filter((entry) => entry.slot === "resurface");
  assert.is(resurfaced.length, 1, "one resurface slot per drop by default");
  assert.is(resurfaced[0]?.item.id, "c-150");
  assert.match(resurfaced[0]?.reasons[0]?.text ?? "", /you saved this 3 days ago/);
  assert.not.ok(
    ids({ drop, exposure: { exposure: new Map(), merit: new Map() } }).some(
      (id) => id === "c-151" || id === "c-152",
    ),
  );
});

test("returns fewer items rather than break a rule when candidates run out", () => {
  const onlyAda = Array.from({ length: 10 }, (_, i) => item({ id: `ada-${i}`, expertId: "ada" }));
  const { drop } = selectDrop(pool(onlyAda), learner(), { dropKey: "k" });
  assert.is(drop.items.length, 1, "one expert: two would be adjacent");
  assert.is(selectDrop(pool([]), learner(), { dropKey: "k" }).drop.items.length, 0);
});

test("a learner with no interests still gets a full drop", () => {
  const { drop } = selectDrop(pool(catalogue(100, 10, 5)), learner({ interests: {} }), {
    dropKey: "k",
  });
  assert.is(drop.items.length, 5);
});

test("the fairness lift brings a deserving but unseen expert into drops", () => {
  const items: ContentItem[] = [];
  for (let i = 0; i < 200; i++) {
    items.push(
      item({
        id: `star-${i}`,
        expertId: `star-${i % 4}`,
        topics: ["t-0"],
        likeCount: 30,
        impressionCount: 60,
      }),
    );
  }
  for (let i = 0; i < 40; i++)
    items.push(item({ id: `quiet-${i}`, expertId: "quiet", topics: ["t-0"] }));
  const profile = learner({
    interests: { "t-0": 1 },
    chaos: { temperature: 0.3, explorationShare: 0 },
  });
  const count = (ledger?: ExposureLedger) => {
    let quiet = 0;
    for (let d = 0; d < 60; d++) {
      const result = selectDrop(pool(items), profile, {
        dropKey: `d${d}`,
        ...(ledger ? { exposure: ledger } : {}),
      });
      ledger?.record(result.exposure, NOW + d);
      quiet += result.drop.items.filter((entry) => entry.item.expertId === "quiet").length;
    }
    return quiet;
  };
  const without = count();
  const withLedger = count(new ExposureLedger());
  assert.ok(withLedger > without, `${without} → ${withLedger}`);
});

test("a prolific expert does not crowd out the others: volume is damped in sampling", () => {
  const items = [
    ...Array.from({ length: 90 }, (_, i) =>
      item({ id: `loud-${i}`, expertId: "loud", topics: ["t-0"] }),
    ),
    ...Array.from({ length: 9 }, (_, i) =>
      item({ id: `quiet-${i}`, expertId: `quiet-${i}`, topics: ["t-0"] }),
    ),
  ];
  const profile = learner({
    interests: { "t-0": 1 },
    chaos: { temperature: 0.5, explorationShare: 0 },
  });
  const loudShare = (volumeDamping: number) => {
    const config = resolveRankingConfig({ fairness: { volumeDamping } });
    const prepared = preparePool(items, { now: NOW, config });
    let loud = 0;
    for (let d = 0; d < 300; d++) {
      const first = selectDrop(prepared, profile, { dropKey: `d${d}`, itemsPerDrop: 1 }).drop
        .items[0];
      if (first?.item.expertId === "loud") loud++;
    }
    return loud / 300;
  };
  const undamped = loudShare(0);
  const damped = loudShare(1);
  assert.ok(undamped > 0.8, `without damping the loud expert takes ${undamped}`);
  assert.ok(damped < 0.25, `with damping about one in ten: ${damped}`);
});

test("every entry explains itself", () => {
  const { drop } = selectDrop(
    pool(catalogue(200, 10, 4)),
    interested({ followedExperts: ["e-0"] }),
    { dropKey: "k", itemsPerDrop: 8 },
  );
  for (const entry of drop.items) {
    assert.ok(entry.reasons.length >= 1 && entry.reasons.length <= 3);
    for (const reason of entry.reasons) assert.ok(reason.text.length > 0);
  }
});

test.run();
