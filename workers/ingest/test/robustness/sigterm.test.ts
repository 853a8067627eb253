import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedFarm } from "./feed-farm.ts";
import { processesMentioning, scratchDir, sleep, waitFor } from "./harness.ts";
import {
  assertIndexHoldsExactly,
  assertStatesNeverAheadOfItems,
  CONTENT_INDEX,
  expectedItems,
  resetIndexes,
  savedStates,
} from "./index-checks.ts";
import { MeilisearchProcess } from "./meilisearch-process.ts";
import { SightlineProcess, STACK_LINE, sightline, writeConfig } from "./sightline-process.ts";

/** Once a year: no tick comes during a test, so only the first pass runs. */
const NEVER_DURING_TESTS = "0 0 1 1 *";

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let meili: MeilisearchProcess;
let env: Record<string, string>;

test.before(async () => {
  scratch = await scratchDir("sigterm");
  meili = await MeilisearchProcess.start(join(scratch.path, "meili"));
  env = { ...meili.env, SIGHTLINE_LOG: "json", SIGHTLINE_DATA_DIR: join(scratch.path, "data") };
});

test.after(async () => {
  await meili?.stop();
  await scratch?.remove();
});

test("SIGTERM mid-run: in-flight feeds finish and are saved, the rest are left untouched, exit 0; the next --once completes them", async () => {
  await resetIndexes(meili);
  const farm = await FeedFarm.start();
  try {
    const feeds = 40;
    for (let n = 0; n < feeds; n++) {
      farm.addFeed(`s${String(n).padStart(2, "0")}`, {
        items: 3 + (n % 4),
        delayMs: 500,
        etag: n % 2 === 0,
      });
    }
    const config = join(scratch.path, "mid-run.yaml");
    await writeConfig(config, farm, {
      ingest: { schedule: NEVER_DURING_TESTS, concurrency: 4, perHostConcurrency: 4 },
    });

    const run = new SightlineProcess(["--config", config, "ingest"], env);
    await run.waitForLine("eight feeds done", () => run.feedsDone().length >= 8);
    const inFlight = farm.requests.length - run.feedsDone().length;
    const signalledAt = Date.now();
    run.kill("SIGTERM");
    const end = await run.finished(15_000);
    const stoppedIn = Date.now() - signalledAt;

    assert.is(end.code, 0, run.output());
    assert.is(end.signal, null);
    // The feeds in flight answer within 500 ms; their write and state save follow.
    assert.ok(stoppedIn < 4000, `exited ${stoppedIn} ms after SIGTERM`);
    assert.not.match(run.stdout + run.stderr, STACK_LINE);
    assert.ok(run.lines.some((line) => /^SIGTERM: finishing/.test(line.message ?? "")));

    const summary = run.summary();
    assert.ok(summary !== undefined, run.output());
    const done = run.feedsDone();
    assert.is(summary.failed, 0);
    assert.is(summary.ok, done.length);
    assert.ok(done.length >= 8 + Math.min(inFlight, 1), "in-flight feeds were finished");
    assert.is(summary.abandoned, feeds - done.length, "every other feed is left for later");
    assert.ok(summary.abandoned > 0);

    const finished = new Set(done.map((line) => line.feedId));
    const states = await savedStates(meili);
    const indexed = new Set((await meili.items(CONTENT_INDEX)).map((item) => item.id));
    for (const feed of farm.feeds.values()) {
      if (finished.has(feed.sourceId)) {
        assert.is(farm.requestsFor(feed.name), 1);
        assert.ok(states.get(feed.sourceId)?.lastSuccessAt !== undefined, `${feed.name} saved`);
        for (const item of await farm.expected(feed)) {
          assert.ok(indexed.has(item.id), `${item.url} of a finished feed is indexed`);
        }
      } else {
        assert.is(farm.requestsFor(feed.name), 0, `${feed.name} was not started`);
        assert.is(states.get(feed.sourceId), undefined, `${feed.name} has no state`);
      }
    }
    await assertStatesNeverAheadOfItems(meili, farm);

    const rest = await sightline(["--config", config, "ingest", "--once"], env);
    assert.is(rest.code, 0, rest.output());
    assert.is(rest.summary()?.due, summary.abandoned, "exactly the feeds left over are due");
    assert.is(rest.summary()?.ok, summary.abandoned);
    for (const feed of farm.feeds.values()) assert.is(farm.requestsFor(feed.name), 1, feed.name);
    await assertIndexHoldsExactly(meili, await expectedItems(farm));
    assert.is((await savedStates(meili)).size, feeds);
  } finally {
    await farm.close();
  }
});

test("SIGTERM while a feed hangs in flight: the exit waits at most for that feed's deadline, and still exits 0", async () => {
  await resetIndexes(meili);
  const farm = await FeedFarm.start();
  try {
    farm.addFeed("quick", { items: 3, delayMs: 0, etag: false });
    // Headers never come: only the worker's total deadline ends this request.
    const hanging = farm.route("/hangs", () => {});
    const config = join(scratch.path, "hanging.yaml");
    await writeConfig(config, farm, {
      ingest: { schedule: NEVER_DURING_TESTS, timeoutSeconds: 3 },
      extra: [{ name: "hangs", url: hanging }],
    });
    const run = new SightlineProcess(["--config", config, "ingest"], env);
    await run.waitForLine("the quick feed done", () => run.feedsDone().length >= 1);
    const signalledAt = Date.now();
    run.kill("SIGTERM");
    const end = await run.finished(15_000);
    const stoppedIn = Date.now() - signalledAt;
    assert.is(end.code, 0, run.output());
    assert.ok(stoppedIn < 3000 + 2000, `exited ${stoppedIn} ms after SIGTERM`);
    const stuck = run.feedsDone().find((line) => line.url === hanging);
    assert.is(stuck?.error?.code, "TIMEOUT", run.output());
    const state = (await savedStates(meili)).get("src-hangs");
    assert.is(state?.lastError?.code, "TIMEOUT");
    assert.is(state?.lastSuccessAt, undefined);
  } finally {
    await farm.close();
  }
});

test("SIGTERM while waiting for the next tick: exit 0 at once", async () => {
  await resetIndexes(meili);
  const farm = await FeedFarm.start();
  try {
    farm.addFeed("idle", { items: 2, delayMs: 0, etag: false });
    const config = join(scratch.path, "idle.yaml");
    await writeConfig(config, farm, { ingest: { schedule: NEVER_DURING_TESTS } });
    const run = new SightlineProcess(["--config", config, "ingest"], env);
    await run.waitForLine("the next run announced", (lines) =>
      lines.some((line) => /^Next run /.test(line.message ?? "")),
    );
    const signalledAt = Date.now();
    run.kill("SIGTERM");
    const end = await run.finished(10_000);
    assert.is(end.code, 0, run.output());
    assert.ok(
      Date.now() - signalledAt < 1500,
      `exited ${Date.now() - signalledAt} ms after SIGTERM`,
    );
    await assertIndexHoldsExactly(meili, await expectedItems(farm));
  } finally {
    await farm.close();
  }
});

/** Waits until `run` has spawned its own Meilisearch on `database`. */
async function embeddedServerSpawned(run: SightlineProcess, database: string): Promise<void> {
  await waitFor(
    "the embedded Meilisearch to be spawned",
    async () => {
      if (!run.alive) throw new Error(`sightline exited early:\n${run.output()}`);
      return (await processesMentioning(database)).length > 0 ? true : undefined;
    },
    15_000,
    5,
  );
}

test("SIGTERM while the embedded Meilisearch is starting: exit 0, and no Meilisearch left behind", async () => {
  const farm = await FeedFarm.start();
  const dataDir = join(scratch.path, "embedded");
  const database = join(dataDir, "meilisearch", "data.ms");
  try {
    farm.addFeed("early", { items: 2, delayMs: 0, etag: false });
    const config = join(scratch.path, "embedded.yaml");
    await writeConfig(config, farm, { ingest: { schedule: NEVER_DURING_TESTS } });
    // No MEILI_URL: the worker starts (and owns) its own server.
    const run = new SightlineProcess(["--config", config, "ingest"], {
      SIGHTLINE_LOG: "json",
      SIGHTLINE_DATA_DIR: dataDir,
      ...(process.env.MEILI_BIN ? { MEILI_BIN: process.env.MEILI_BIN } : {}),
    });
    await embeddedServerSpawned(run, database);
    run.kill("SIGTERM");
    const end = await run.finished(20_000);
    assert.is(end.signal, null, `killed by ${end.signal} instead of exiting:\n${run.output()}`);
    assert.is(end.code, 0, run.output());
    assert.not.match(run.stdout + run.stderr, STACK_LINE);
    assert.equal(await processesMentioning(database), [], "the embedded Meilisearch is stopped");
    // Nothing was read: every feed waits for the next run.
    assert.is(farm.requestsFor("early"), 0);
  } finally {
    // Without the fix the server outlives the worker: stop what this test caused, by pid.
    for (const pid of await processesMentioning(database)) process.kill(pid, "SIGKILL");
    await sleep(100);
    await farm.close();
  }
});

test("SIGTERM during a command without a handler of its own ends it at once as the signal would, exit 143", async () => {
  const farm = await FeedFarm.start();
  try {
    let asked = false;
    // Headers never come: only the signal ends this `inspect`.
    const hanging = farm.route("/hangs", () => {
      asked = true;
    });
    const run = new SightlineProcess(["inspect", hanging, "--allow-host", "127.0.0.1"], {});
    await waitFor("the feed to be asked for", () => (asked ? true : undefined));
    const signalledAt = Date.now();
    run.kill("SIGTERM");
    const end = await run.finished(10_000);
    assert.is(end.code, 143, `exit ${end.code} / ${end.signal}:\n${run.output()}`);
    assert.ok(Date.now() - signalledAt < 2000, "it did not wait for the feed's deadline");
    assert.not.match(run.stdout + run.stderr, STACK_LINE);
  } finally {
    await farm.close();
  }
});

for (const command of [["status"], ["search", "kubernetes"]]) {
  test(`SIGTERM during \`sightline ${command[0]}\`: the embedded Meilisearch it started is stopped, exit 143`, async () => {
    const farm = await FeedFarm.start();
    const dataDir = join(scratch.path, `embedded-${command[0]}`);
    const database = join(dataDir, "meilisearch", "data.ms");
    try {
      const config = join(scratch.path, `embedded-${command[0]}.yaml`);
      await writeConfig(config, farm, {});
      const run = new SightlineProcess(["--config", config, ...command], {
        SIGHTLINE_DATA_DIR: dataDir,
        ...(process.env.MEILI_BIN ? { MEILI_BIN: process.env.MEILI_BIN } : {}),
      });
      await embeddedServerSpawned(run, database);
      run.kill("SIGTERM");
      const end = await run.finished(20_000);
      assert.is(end.code, 143, `exit ${end.code} / ${end.signal}:\n${run.output()}`);
      assert.not.match(run.stdout + run.stderr, STACK_LINE);
      assert.equal(await processesMentioning(database), [], "the embedded Meilisearch is stopped");
    } finally {
      for (const pid of await processesMentioning(database)) process.kill(pid, "SIGKILL");
      await sleep(100);
      await farm.close();
    }
  });
}

test.run();
