import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedFarm } from "./feed-farm.ts";
import { scratchDir, seededRandom, sleep, waitFor } from "./harness.ts";
import {
  assertIndexHoldsExactly,
  assertStatesNeverAheadOfItems,
  CONTENT_INDEX,
  expectedItems,
  savedStates,
} from "./index-checks.ts";
import { MeilisearchProcess } from "./meilisearch-process.ts";
import { SightlineProcess, sightline, writeConfig } from "./sightline-process.ts";

const SEED = 20_260_301;
const FEEDS = 150;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let meili: MeilisearchProcess;
let farm: FeedFarm;
let env: Record<string, string>;
let config: string;

test.before(async () => {
  scratch = await scratchDir("kill-nine");
  meili = await MeilisearchProcess.start(join(scratch.path, "meili"));
  farm = await FeedFarm.start();
  const random = seededRandom(SEED);
  for (let n = 0; n < FEEDS; n++) {
    // Mostly quick feeds, one in eight slow and the last four slow, so every round is mid-run
    // for a while and the end of a run is a moment of its own.
    const slow = n % 8 === 0 || n >= FEEDS - 4;
    farm.addFeed(`f${String(n).padStart(3, "0")}`, {
      items: 3 + Math.floor(random() * 6),
      delayMs: slow ? 500 + Math.floor(random() * 700) : Math.floor(random() * 60),
      etag: n % 2 === 0,
    });
  }
  config = join(scratch.path, "sightline.yaml");
  await writeConfig(config, farm, { ingest: { concurrency: 16, perHostConcurrency: 16 } });
  env = {
    ...meili.env,
    SIGHTLINE_LOG: "json",
    SIGHTLINE_DATA_DIR: join(scratch.path, "worker-data"),
  };
});

test.after(async () => {
  await meili?.stop();
  await farm?.close();
  await scratch?.remove();
});

/** When, in a round, the worker is killed. */
interface Round {
  readonly moment: string;
  readonly args: readonly string[];
  /** Changes the feeds' authors make before the round. */
  readonly change?: () => void;
  /** Resolves at the moment to kill. */
  readonly trigger: (run: SightlineProcess, random: () => number) => Promise<void>;
}

/** Resolves once Meilisearch has a write to the content index enqueued or in progress. */
function writeInProgress(run: SightlineProcess): Promise<void> {
  return waitFor(
    "a content write in progress",
    async () => {
      if (!run.alive) throw new Error(`sightline exited before any write:\n${run.output()}`);
      const response = await fetch(
        `${meili.url}/tasks?statuses=enqueued,processing&indexUids=${CONTENT_INDEX}&types=documentAdditionOrUpdate&limit=1`,
        { headers: { authorization: `Bearer ${meili.masterKey}` } },
      );
      const { results } = (await response.json()) as { results: unknown[] };
      return results.length > 0 ? true : undefined;
    },
    30_000,
    1,
  ).then(() => undefined);
}

/**
 * After a seeded random number of feeds are done, plus a few random milliseconds: a random
 * moment measured in progress, not wall time, since a run's length depends on what is unchanged.
 */
async function atRandomProgress(run: SightlineProcess, random: () => number): Promise<void> {
  await run.waitForLine("the run to start", (lines) =>
    lines.some((line) => line.type === "run-started"),
  );
  const due = run.events("run-started")[0]?.due ?? 0;
  const target = 1 + Math.floor(random() * Math.max(1, due - 6));
  await run.waitForLine(`${target} feeds done`, () => run.feedsDone().length >= target);
  await sleep(random() * 50);
}

const rounds: Round[] = [
  {
    moment: "before any write (still starting up)",
    args: ["--once"],
    trigger: (_, random) => sleep(50 + random() * 400),
  },
  {
    moment: "feeds answered, items waiting in the batcher or on their way to Meilisearch",
    args: ["--once"],
    trigger: async (_, random) => {
      const answers = 1 + Math.floor(random() * 10);
      let served = 0;
      await new Promise<void>((resolve) => {
        const stop = farm.onServed(() => {
          if (++served >= answers) {
            stop();
            resolve();
          }
        });
      });
      await sleep(random() * 300);
    },
  },
  {
    moment: "a write task queued or being indexed by Meilisearch",
    args: ["--once", "--all"],
    change: () => {
      for (const name of ["f001", "f002", "f010", "f011", "f040"]) farm.addItems(name, 2);
      for (const name of ["f003", "f012", "f041", "f042", "f100"]) farm.editItem(name, 0);
    },
    trigger: (run) => writeInProgress(run),
  },
  {
    moment: "items confirmed, feed states not yet saved",
    args: ["--once"],
    trigger: (run) =>
      run.waitForLine("the first confirmed write", (lines) =>
        lines.some((line) => line.type === "items-written"),
      ),
  },
  {
    moment: "just before the end",
    args: ["--once", "--all"],
    change: () => {
      for (const name of ["f004", "f020", "f021", "f060"]) farm.addItems(name, 1);
      for (const name of ["f001", "f005", "f022", "f061", "f149"]) farm.editItem(name, 1);
    },
    trigger: async (run) => {
      await run.waitForLine("the run to start", (lines) =>
        lines.some((line) => line.type === "run-started"),
      );
      const due = run.events("run-started")[0]?.due ?? FEEDS;
      await run.waitForLine(
        "all but the last few feeds done",
        () => run.feedsDone().length >= due - 3,
      );
    },
  },
  {
    moment: "a seeded random point of progress",
    args: ["--once", "--all"],
    change: () => {
      farm.editItem("f030", 2);
      farm.addItems("f031", 3);
    },
    trigger: (run, random) => atRandomProgress(run, random),
  },
  {
    moment: "another seeded random point of progress",
    args: ["--once", "--all"],
    trigger: (run, random) => atRandomProgress(run, random),
  },
];

test("kill -9 at any moment, then a run to completion: every item indexed once, in its latest version", async () => {
  const random = seededRandom(SEED + 1);
  const report: string[] = [];
  for (const [n, round] of rounds.entries()) {
    round.change?.();
    const run = new SightlineProcess(["--config", config, "ingest", ...round.args], env);
    await round.trigger(run, random);
    assert.ok(
      run.alive,
      `round ${n + 1} (${round.moment}) ended before the kill:\n${run.output()}`,
    );
    run.kill("SIGKILL");
    const end = await run.finished(10_000);
    assert.is(end.signal, "SIGKILL", `round ${n + 1}`);
    const checked = await assertStatesNeverAheadOfItems(meili, farm);
    const states = await savedStates(meili);
    report.push(
      `round ${n + 1} killed ${Date.now() - run.startedAt} ms in, ${round.moment}: ` +
        `${run.feedsDone().length} feeds done, ${run.events("items-written").length} writes confirmed, ` +
        `${states.size} states saved (${checked} checked), ${await meili.documentCount(CONTENT_INDEX)} documents`,
    );
  }
  console.log(report.join("\n"));

  const complete = await sightline(["--config", config, "ingest", "--once", "--all"], env);
  assert.is(complete.code, 0, complete.output());
  assert.is(complete.summary()?.failed, 0, complete.output());
  const expected = await expectedItems(farm);
  await assertIndexHoldsExactly(meili, expected);
  await assertStatesNeverAheadOfItems(meili, farm);
  const states = await savedStates(meili);
  assert.is(states.size, FEEDS, "every feed's state is saved");
  for (const state of states.values()) assert.is(state.errorCount, 0, state.url);

  // Nothing is due again so soon, and nothing is written.
  const again = await sightline(["--config", config, "ingest", "--once"], env);
  assert.is(again.code, 0, again.output());
  assert.is(again.summary()?.due, 0);
  assert.equal(again.summary()?.items, { created: 0, updated: 0, unchanged: 0 });

  // Even read again in full, every feed is unchanged and not one item is written.
  const requestsBefore = farm.requests.length;
  const everything = await sightline(["--config", config, "ingest", "--once", "--all"], env);
  assert.is(everything.code, 0, everything.output());
  assert.is(farm.requests.length - requestsBefore, FEEDS, "each feed read once more");
  assert.is(everything.summary()?.failed, 0);
  assert.is(everything.summary()?.ok, 0, "no feed had new content");
  assert.equal(everything.summary()?.items, { created: 0, updated: 0, unchanged: 0 });
  assert.is(everything.events("items-written").length, 0);
  await assertIndexHoldsExactly(meili, expected);
});

test("edits made between killed runs become updates of the same documents, not new ones", async () => {
  // The previous test left the farm and the index in step; edit and extend, then one clean run.
  farm.editItem("f077", 0);
  farm.editItem("f078", 1);
  farm.addItems("f079", 2);
  const sizes = ["f077", "f078", "f079"].map((name) => farm.feeds.get(name)?.items.length ?? 0);
  const [edited1 = 0, edited2 = 0, extended = 0] = sizes;
  const run = await sightline(["--config", config, "ingest", "--once", "--all"], env);
  assert.is(run.code, 0, run.output());
  assert.is(run.summary()?.ok, 3, "only the three changed feeds are read as new content");
  assert.equal(run.summary()?.items, {
    created: 2,
    updated: 2,
    unchanged: edited1 - 1 + (edited2 - 1) + (extended - 2),
  });
  await assertIndexHoldsExactly(meili, await expectedItems(farm));
});

test.run();
