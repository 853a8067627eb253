import {
  type ContentItem,
  createPersonalStream,
  type Drop,
  ExposureLedger,
  type FeedbackEvent,
  InMemorySeenStore,
  type LearnerProfile,
  type SeenStore,
  SightlineError,
} from "@sightline/core";
import { map, of, Subject, VirtualTimeScheduler } from "rxjs";
import { TestScheduler } from "rxjs/testing";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { EXPERTS, item } from "../fixtures.ts";

const MINUTE = 60_000;
// Virtual time starts at the epoch; items are dated around it so freshness behaves.
const at = (ms: number) => new Date(ms).toISOString();

function everyMinute(overrides: Partial<LearnerProfile> = {}): LearnerProfile {
  return {
    id: "learner-1",
    interests: { kubernetes: 1, go: 0.7 },
    learned: {},
    followedExperts: [],
    mutes: { experts: [], topics: [], words: [] },
    lessOf: { experts: {}, topics: {} },
    saved: [],
    cadence: { itemsPerDrop: 3, schedule: "* * * * *", timezone: "UTC" },
    chaos: { temperature: 0.5, explorationShare: 0 },
    audiences: [],
    ...overrides,
  };
}

function items(prefix: string, count: number, overrides: Partial<ContentItem> = {}): ContentItem[] {
  const experts = ["ada", "grace", "linus", "margaret"];
  return Array.from({ length: count }, (_, i) =>
    item({
      id: `${prefix}-${i}`,
      expertId: experts[i % experts.length] as string,
      topics: [i % 2 === 0 ? "kubernetes" : "go"],
      publishedAt: at(0),
      firstSeenAt: at(0),
      ...overrides,
    }),
  );
}

function marbles(
  run: (
    helpers: Parameters<Parameters<TestScheduler["run"]>[0]>[0],
    scheduler: TestScheduler,
  ) => void,
): void {
  const scheduler = new TestScheduler((actual, expected) => assert.equal(actual, expected));
  scheduler.run((helpers) => run(helpers, scheduler));
}

test("delivers a drop at every tick of the cadence, keyed by its slot", () => {
  marbles(({ cold, expectObservable }, scheduler) => {
    const stream = createPersonalStream({
      profile: everyMinute(),
      candidates: cold("a", { a: items("x", 40) }),
      experts: EXPERTS,
      scheduler,
    });
    expectObservable(stream.pipe(map((drop) => drop.dropKey)), "^ 180s !").toBe(
      "60s a 59999ms b 59999ms c",
      {
        a: at(MINUTE),
        b: at(2 * MINUTE),
        c: at(3 * MINUTE),
      },
    );
  });
});

test("a weekday-morning cadence skips the weekend, in the learner's time zone", () => {
  marbles(({ cold, expectObservable }, scheduler) => {
    // The epoch was a Thursday: drops on Thursday and Friday at 9:00 Oslo time, then Monday.
    const profile = everyMinute({
      cadence: { itemsPerDrop: 2, schedule: "0 9 * * 1-5", timezone: "Europe/Oslo" },
    });
    const stream = createPersonalStream({
      profile,
      candidates: cold("a", { a: items("x", 40) }),
      scheduler,
    });
    expectObservable(stream.pipe(map((drop) => drop.dropKey)), "^ 7200m !").toBe(
      "480m a 1439m 59999ms b 4319m 59999ms c",
      {
        a: "1970-01-01T08:00:00.000Z",
        b: "1970-01-02T08:00:00.000Z",
        c: "1970-01-05T08:00:00.000Z",
      },
    );
  });
});

test("never shows an item twice across drops", () => {
  marbles(({ cold }, scheduler) => {
    const shown: string[] = [];
    const stream = createPersonalStream({
      profile: everyMinute(),
      candidates: cold("a", { a: items("x", 45) }),
      scheduler,
    });
    const subscription = stream.subscribe((drop) =>
      shown.push(...drop.items.map((entry) => entry.item.id)),
    );
    scheduler.schedule(() => subscription.unsubscribe(), 10 * MINUTE + 1);
    scheduler.flush();
    assert.is(shown.length, 30, "ten drops of three");
    assert.is(new Set(shown).size, shown.length);
  });
});

test("feedback between drops shows in the very next drop", () => {
  marbles(({ cold, hot }, scheduler) => {
    const lessOfAda: FeedbackEvent = {
      type: "less-of-expert",
      learnerId: "learner-1",
      expertId: "ada",
      at: at(90_000),
    };
    const drops: Drop[] = [];
    const stream = createPersonalStream({
      profile: everyMinute({
        cadence: { itemsPerDrop: 4, schedule: "* * * * *", timezone: "UTC" },
      }),
      candidates: cold("a", { a: items("x", 200) }),
      feedback: hot("90s f", { f: lessOfAda }),
      scheduler,
    });
    const subscription = stream.subscribe((drop) => drops.push(drop));
    scheduler.schedule(() => subscription.unsubscribe(), 5 * MINUTE + 1);
    scheduler.flush();
    const adaIn = (drop: Drop | undefined) =>
      drop?.items.filter((entry) => entry.item.expertId === "ada").length ?? 0;
    assert.ok(adaIn(drops[0]) > 0, "Ada was in the first drop");
    for (const drop of drops.slice(1)) assert.is(adaIn(drop), 0, drop.dropKey);
  });
});

test("candidates that arrive between drops are merged into the next one", () => {
  marbles(({ hot }, scheduler) => {
    const fresh = items("fresh", 6, {
      publishedAt: at(100_000),
      firstSeenAt: at(100_000),
      likeCount: 40,
      impressionCount: 50,
    });
    const drops: Drop[] = [];
    const stream = createPersonalStream({
      profile: everyMinute({ chaos: { temperature: 0, explorationShare: 0 } }),
      candidates: hot("a 100s b", {
        a: items("old", 20, { publishedAt: at(-30 * 86_400_000) }),
        b: fresh,
      }),
      scheduler,
    });
    const subscription = stream.subscribe((drop) => drops.push(drop));
    scheduler.schedule(() => subscription.unsubscribe(), 2 * MINUTE + 1);
    scheduler.flush();
    assert.ok(drops[0]?.items.every((entry) => entry.item.id.startsWith("old")));
    assert.ok(drops[1]?.items.every((entry) => entry.item.id.startsWith("fresh")));
  });
});

test("a resurfaced save is counted, so it does not come straight back", () => {
  marbles(({ cold }, scheduler) => {
    const candidates = items("x", 60);
    const profile = everyMinute({
      saved: [{ itemId: "x-5", savedAt: at(-3 * 86_400_000), resurfacedCount: 0 }],
    });
    const seenStore = new InMemorySeenStore();
    seenStore.markSeen("learner-1", ["x-5"], -3 * 86_400_000);
    const slots: string[] = [];
    const stream = createPersonalStream({
      profile,
      candidates: cold("a", { a: candidates }),
      seenStore,
      scheduler,
    });
    const subscription = stream.subscribe((drop) => {
      for (const entry of drop.items) if (entry.item.id === "x-5") slots.push(entry.slot);
    });
    scheduler.schedule(() => subscription.unsubscribe(), 5 * MINUTE + 1);
    scheduler.flush();
    assert.equal(slots, ["resurface"]);
  });
});

test("updates the organisation's fairness ledger after each drop", () => {
  marbles(({ cold }, scheduler) => {
    const ledger = new ExposureLedger();
    const stream = createPersonalStream({
      profile: everyMinute(),
      candidates: cold("a", { a: items("x", 40) }),
      ledger,
      scheduler,
    });
    const subscription = stream.subscribe();
    scheduler.schedule(() => subscription.unsubscribe(), 2 * MINUTE + 1);
    scheduler.flush();
    const total = ["ada", "grace", "linus", "margaret"].reduce(
      (sum, id) => sum + ledger.exposureOf(id),
      0,
    );
    assert.ok(total > 0);
  });
});

test("works with an asynchronous seen store, still in virtual time", async () => {
  const memory = new InMemorySeenStore();
  const asyncStore: SeenStore = {
    markSeen: async (learnerId, ids, when) => memory.markSeen(learnerId, ids, when),
    seenSince: async (learnerId, since) => memory.seenSince(learnerId, since),
    forget: async (learnerId) => memory.forget(learnerId),
  };
  const scheduler = new VirtualTimeScheduler();
  const shown: string[] = [];
  const subscription = createPersonalStream({
    profile: everyMinute(),
    candidates: of(items("x", 30)),
    seenStore: asyncStore,
    scheduler,
  }).subscribe((drop) => shown.push(...drop.items.map((entry) => entry.item.id)));
  for (let tick = 0; tick < 4; tick++) {
    scheduler.flush();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  }
  subscription.unsubscribe();
  assert.is(shown.length, 12);
  assert.is(new Set(shown).size, 12);
});

test("a failing seen store stops the stream with a clear error instead of repeating items", async () => {
  const broken: SeenStore = {
    markSeen: () => undefined,
    seenSince: () => Promise.reject(new Error("connection refused")),
    forget: () => undefined,
  };
  const scheduler = new VirtualTimeScheduler();
  const failure = new Promise<unknown>((resolve) => {
    createPersonalStream({
      profile: everyMinute(),
      candidates: of(items("x", 10)),
      seenStore: broken,
      scheduler,
    }).subscribe({
      error: resolve,
    });
  });
  scheduler.flush();
  const error = await failure;
  assert.instance(error, SightlineError);
  assert.is((error as SightlineError).code, "SEEN_STORE_FAILED");
  assert.match((error as SightlineError).message, /learner-1/);
});

test("an error in the candidate source reaches the subscriber", () => {
  marbles(({ cold, expectObservable }, scheduler) => {
    const candidates = new Subject<readonly ContentItem[]>();
    const stream = createPersonalStream({ profile: everyMinute(), candidates, scheduler });
    expectObservable(stream).toBe("-#", undefined, new Error("feed down"));
    cold<readonly ContentItem[]>("-#", undefined, new Error("feed down")).subscribe(candidates);
  });
});

test.run();
