// pnpm bench:quality [--json] [--learners N]
// Simulates a seeded organisation and compares Sightline's drops with four baselines on the
// metrics defined in quality/metrics.ts. Floors from the issue are checked at the end.
import {
  type ContentItem,
  createRandom,
  DEFAULT_RANKING_CONFIG,
  ExposureLedger,
  FILTERED,
  gumbelTopK,
  type LearnerProfile,
  LearnerScorer,
  NEW_LEARNER_DEFAULTS,
  type PreparedPool,
  positiveSignals,
  preparePool,
  selectDrop,
} from "@sightline/core";
import { syntheticOrg } from "@sightline/core/testing";
import {
  calibrationKL,
  gini,
  intraListDiversity,
  jaccard,
  positionWeight,
} from "./quality/metrics.ts";

const DAY = 86_400_000;
const args = process.argv.slice(2);
const json = args.includes("--json");
const learnerCount = Number(args[args.indexOf("--learners") + 1] ?? 0) || 2000;
const DAYS = 14;
const PER_DROP = 10;
const POOL_DAYS = 7;
const END = Date.UTC(2026, 10, 1);
const TEMPERATURES = {
  "sightline@0": 0,
  sightline: NEW_LEARNER_DEFAULTS.chaos.temperature,
  "sightline@high": 2,
} as const;

const org = syntheticOrg({
  seed: 2026,
  learners: learnerCount,
  experts: 320,
  topics: 36,
  items: 50_000,
  days: 60,
  end: END,
});
const log = (line: string) => {
  if (!json) console.log(line);
};
log(
  `organisation: ${org.learners.length} learners, ${org.experts.length} experts, ${org.topics.length} topics, ${org.items.length} items over 60 days`,
);

/** One system's record: every learner's drops in order, as item lists. */
type Drops = Map<string, ContentItem[][]>;

const dayTimes = Array.from({ length: DAYS }, (_, d) => END - (DAYS - 1 - d) * DAY);
const pools = dayTimes.map((now) => {
  const candidates = org.items.filter((item) => {
    const published = Date.parse(item.publishedAt);
    return published <= now && published > now - POOL_DAYS * DAY;
  });
  return preparePool(candidates, { experts: org.experts, now, config: DEFAULT_RANKING_CONFIG });
});
const catalogue = new Set(pools.flatMap((pool) => pool.items.map((item) => item.id)));

function emptyDrops(): Drops {
  return new Map(org.learners.map((learner) => [learner.id, []]));
}

function runSightline(temperature: number): { drops: Drops; variability: number } {
  const drops = emptyDrops();
  const ledger = new ExposureLedger(DEFAULT_RANKING_CONFIG.fairness);
  const seen = new Map(org.learners.map((learner) => [learner.id, new Set<string>()]));
  let variability = 0;
  pools.forEach((pool, day) => {
    for (const base of org.learners) {
      const profile: LearnerProfile = { ...base, chaos: { ...base.chaos, temperature } };
      const seenBy = seen.get(profile.id) as Set<string>;
      const options = {
        dropKey: `day-${day}`,
        itemsPerDrop: PER_DROP,
        seen: seenBy,
        exposure: ledger,
      };
      const { drop, exposure } = selectDrop(pool, profile, options);
      if (day === DAYS - 1) {
        const other = selectDrop(pool, profile, {
          ...options,
          dropKey: `day-${day}-other-seed`,
        }).drop;
        const ids = (entries: typeof drop.items) => entries.map((entry) => entry.item.id);
        variability += 1 - jaccard(ids(drop.items), ids(other.items));
      }
      ledger.record(exposure, pool.now);
      const items = drop.items.map((entry) => entry.item);
      for (const item of items) seenBy.add(item.id);
      (drops.get(profile.id) as ContentItem[][]).push(items);
    }
  });
  return { drops, variability: variability / org.learners.length };
}

function runShared(pick: (pool: PreparedPool) => ContentItem[]): Drops {
  const drops = emptyDrops();
  for (const pool of pools) {
    const items = pick(pool);
    for (const learner of org.learners) (drops.get(learner.id) as ContentItem[][]).push(items);
  }
  return drops;
}

const chronological = (pool: PreparedPool) =>
  [...pool.items]
    .sort((a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt))
    .slice(0, PER_DROP);

/** Hacker News ranking: points over (age in hours + 2) ^ 1.8, the same list for everyone. */
const popularity = (pool: PreparedPool) =>
  pool.items
    .map((item) => ({
      item,
      rank:
        positiveSignals(item) / ((pool.now - Date.parse(item.publishedAt)) / 3_600_000 + 2) ** 1.8,
    }))
    .sort((a, b) => b.rank - a.rank)
    .slice(0, PER_DROP)
    .map((entry) => entry.item);

/** Uniformly random drops on the given days, from a seeded source. */
function runRandom(seed: number, days: readonly PreparedPool[] = pools): Drops {
  const drops = emptyDrops();
  const random = createRandom(seed);
  for (const pool of days) {
    for (const learner of org.learners) {
      const picked = new Set<number>();
      while (picked.size < Math.min(PER_DROP, pool.items.length))
        picked.add(Math.floor(random.next() * pool.items.length));
      (drops.get(learner.id) as ContentItem[][]).push(
        [...picked].map((i) => pool.items[i] as ContentItem),
      );
    }
  }
  return drops;
}

/** The same score, sorted, the best ten not yet seen: no sampling, exploration, diversity or fairness. */
function runTopK(): Drops {
  const drops = emptyDrops();
  const seen = new Map(org.learners.map((learner) => [learner.id, new Set<string>()]));
  for (const pool of pools) {
    for (const learner of org.learners) {
      const seenBy = seen.get(learner.id) as Set<string>;
      const scorer = new LearnerScorer(pool, learner, { seen: seenBy });
      const scores = new Float64Array(pool.items.length);
      for (let i = 0; i < scores.length; i++) scores[i] = scorer.score(i);
      // Temperature 0 makes the Gumbel shortlist an exact top-k by score.
      const items = gumbelTopK(scores, pool.idHash, PER_DROP, 0, 0)
        .filter((i) => scores[i] !== FILTERED)
        .map((i) => pool.items[i] as ContentItem);
      for (const item of items) seenBy.add(item.id);
      (drops.get(learner.id) as ContentItem[][]).push(items);
    }
  }
  return drops;
}

interface Metrics {
  calibrationKL: number;
  intraListDiversity: number;
  coverage: number;
  exposureGini: number;
  repeatRate: number;
  personalisation: number;
  seedVariability: number;
}

function measure(drops: Drops, seedVariability: number): Metrics {
  let kl = 0;
  let ild = 0;
  let lists = 0;
  let impressions = 0;
  let repeats = 0;
  const shown = new Set<string>();
  const exposure = new Map(org.experts.map((expert) => [expert.id, 0]));
  for (const [learnerId, days] of drops) {
    const taste = org.tastes.get(learnerId) as ReadonlyMap<string, number>;
    const before = new Set<string>();
    for (const list of days) {
      if (list.length === 0) continue;
      const topics = list.map((item) => item.topics);
      kl += calibrationKL(taste, topics);
      ild += intraListDiversity(topics);
      lists++;
      list.forEach((item, position) => {
        impressions++;
        if (before.has(item.id)) repeats++;
        before.add(item.id);
        shown.add(item.id);
        exposure.set(item.expertId, (exposure.get(item.expertId) ?? 0) + positionWeight(position));
      });
    }
  }
  return {
    calibrationKL: kl / lists,
    intraListDiversity: ild / lists,
    coverage: shown.size / catalogue.size,
    exposureGini: gini([...exposure.values()]),
    repeatRate: repeats / impressions,
    personalisation: personalisation(drops),
    seedVariability,
  };
}

/** 1 − mean overlap |A ∩ B| / k between the same day's drops of random pairs of learners. */
function personalisation(drops: Drops): number {
  const random = createRandom(11);
  const lists = [...drops.values()];
  let overlap = 0;
  let pairs = 0;
  for (let day = 0; day < DAYS; day++) {
    for (let p = 0; p < 500; p++) {
      const left = Math.floor(random.next() * lists.length);
      const right = Math.floor(random.next() * lists.length);
      const a = lists[left]?.[day] ?? [];
      const b = lists[right]?.[day] ?? [];
      if (left === right || a.length === 0 || b.length === 0) continue;
      const ids = new Set(a.map((item) => item.id));
      overlap += b.filter((item) => ids.has(item.id)).length / Math.min(a.length, b.length);
      pairs++;
    }
  }
  return 1 - overlap / pairs;
}

const results: Record<string, Metrics> = {};
const timings: Record<string, number> = {};
function timed<T>(name: string, run: () => T): T {
  const start = performance.now();
  const result = run();
  timings[name] = (performance.now() - start) / 1000;
  return result;
}

for (const [name, temperature] of Object.entries(TEMPERATURES)) {
  const { drops, variability } = timed(name, () => runSightline(temperature));
  results[name] = measure(drops, variability);
}
const deterministic = (drops: Drops) => measure(drops, 0);
results.chronological = deterministic(timed("chronological", () => runShared(chronological)));
results.popularity = deterministic(timed("popularity", () => runShared(popularity)));
const random = timed("random", () => runRandom(7));
// Another seed on the last day only: random's own seed variability.
results.random = measure(
  random,
  1 - meanJaccard(random, runRandom(8, [pools[DAYS - 1] as PreparedPool])),
);
results.topk = deterministic(timed("topk", runTopK));

function meanJaccard(a: Drops, b: Drops): number {
  let total = 0;
  for (const [learnerId, days] of a) {
    const last = days[DAYS - 1] ?? [];
    const other = b.get(learnerId)?.[0] ?? [];
    total += jaccard(
      last.map((item) => item.id),
      other.map((item) => item.id),
    );
  }
  return total / a.size;
}

const sightline = results.sightline as Metrics;
const floors = {
  "repeat rate is 0": sightline.repeatRate === 0,
  "exposure Gini ≤ 0.5 × popularity's":
    sightline.exposureGini <= 0.5 * (results.popularity as Metrics).exposureGini,
  "calibration KL ≤ 1.2 × top-k's":
    sightline.calibrationKL <= 1.2 * (results.topk as Metrics).calibrationKL,
  "seed variability rises with temperature":
    (results["sightline@0"] as Metrics).seedVariability < sightline.seedVariability &&
    sightline.seedVariability < (results["sightline@high"] as Metrics).seedVariability,
};

if (json) {
  console.log(JSON.stringify(results));
} else {
  const metricNames = Object.keys(sightline) as (keyof Metrics)[];
  const rows = Object.entries(results).map(([name, metrics]) => [
    name,
    ...metricNames.map((metric) => metrics[metric].toFixed(3)),
    timings[name]?.toFixed(1) ?? "",
  ]);
  const header = ["system", ...metricNames, "seconds"];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
  );
  const line = (cells: string[]) =>
    cells.map((cell, column) => cell.padStart(widths[column] as number)).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(
    `\ntemperatures: sightline@0 = 0, sightline = ${TEMPERATURES.sightline} (default), sightline@high = ${TEMPERATURES["sightline@high"]}`,
  );
  console.log(
    `ratios: exposureGini vs popularity ${(sightline.exposureGini / (results.popularity as Metrics).exposureGini).toFixed(3)}, calibrationKL vs topk ${(sightline.calibrationKL / (results.topk as Metrics).calibrationKL).toFixed(3)}`,
  );
  for (const [floor, met] of Object.entries(floors))
    console.log(`${met ? "ok  " : "MISS"} ${floor}`);
}
if (Object.values(floors).some((met) => !met)) process.exitCode = 1;
