import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedFarm } from "./feed-farm.ts";
import { scratchDir, seededRandom, sleep } from "./harness.ts";
import {
  assertIndexHoldsExactly,
  assertStatesNeverAheadOfItems,
  expectedItems,
  resetIndexes,
  savedStates,
} from "./index-checks.ts";
import { MeilisearchProcess } from "./meilisearch-process.ts";
import { SightlineProcess, STACK_LINE, sightline, writeConfig } from "./sightline-process.ts";

const FEEDS = 80;
/** How long Meilisearch stays down while the worker keeps reading feeds. */
const DOWN_MS = 1200;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let meili: MeilisearchProcess;

test.before(async () => {
  scratch = await scratchDir("meili-restart");
  meili = await MeilisearchProcess.start(join(scratch.path, "meili"));
});

test.after(async () => {
  await meili?.stop();
  await scratch?.remove();
});

for (const signal of ["SIGKILL", "SIGTERM"] as const) {
  test(`Meilisearch stopped with ${signal} mid-batch and restarted: the affected feeds fail cleanly, keep their state, and the next run writes every item once`, async () => {
    await resetIndexes(meili);
    const farm = await FeedFarm.start();
    try {
      const random = seededRandom(signal === "SIGKILL" ? 7 : 8);
      for (let n = 0; n < FEEDS; n++) {
        farm.addFeed(`m${String(n).padStart(2, "0")}`, {
          items: 4 + Math.floor(random() * 5),
          delayMs: 100 + Math.floor(random() * 300),
          etag: n % 2 === 0,
        });
      }
      const config = join(scratch.path, `${signal}.yaml`);
      // A short backoff, so the failed feeds are due again a second later; healthy feeds are
      // checked about as often as they post, days from now.
      await writeConfig(config, farm, {
        ingest: { concurrency: 8, perHostConcurrency: 8, minIntervalMinutes: 0.01 },
      });
      const env = {
        ...meili.env,
        SIGHTLINE_LOG: "json",
        SIGHTLINE_DATA_DIR: join(scratch.path, "worker-data"),
      };

      const run = new SightlineProcess(["--config", config, "ingest", "--once"], env);
      await run.waitForLine("the first confirmed write", (lines) =>
        lines.some((line) => line.type === "items-written"),
      );
      await meili.kill(signal);
      const downAt = run.feedsDone().length;
      await sleep(DOWN_MS);
      await meili.restart();
      const end = await run.finished(60_000);

      // It ends on its own, with a one-line error at most, never a stack trace.
      assert.ok(end.code === 0 || end.code === 1, `exit ${end.code} ${end.signal}`);
      assert.not.match(run.stdout + run.stderr, STACK_LINE);
      assert.is(run.stderr, "", "nothing on stderr");
      if (end.code === 1) {
        assert.ok(
          run.lines.some((line) => line.level === "error"),
          `exit 1 says why:\n${run.output()}`,
        );
      }
      const failed = run.feedsDone().filter((line) => line.status === "failed");
      assert.ok(
        failed.length > 0,
        `feeds read while Meilisearch was down fail (${downAt} were done when it stopped)`,
      );
      for (const line of failed) {
        assert.is(line.error?.code, "INDEXING_FAILED", line.error?.message);
        assert.match(line.error?.message ?? "", /could not be indexed/);
      }
      assert.ok(
        run.feedsDone().some((line) => line.status === "ok"),
        "feeds read before the stop or after the restart succeed",
      );

      // A failed feed's state never advances: no validators, no success, its error kept.
      const before = await savedStates(meili);
      for (const line of failed) {
        const state = before.get(line.feedId ?? "");
        if (state === undefined) continue; // its save was lost with the server: read afresh
        assert.is(state.etag, undefined, `${line.url} keeps no ETag`);
        assert.is(state.bodyHash, undefined, `${line.url} keeps no body hash`);
        assert.is(state.lastSuccessAt, undefined, `${line.url} never succeeded`);
        assert.is(state.lastError?.code, "INDEXING_FAILED");
        assert.ok(state.errorCount >= 1);
      }
      await assertStatesNeverAheadOfItems(meili, farm);

      // The next run reads the failed feeds again (their backoff has passed) and writes them.
      await sleep(1000);
      const requests = new Map(
        [...farm.feeds.keys()].map((name) => [name, farm.requestsFor(name)]),
      );
      const rerun = await sightline(["--config", config, "ingest", "--once"], env);
      assert.is(rerun.code, 0, rerun.output());
      assert.is(rerun.summary()?.failed, 0, rerun.output());
      for (const line of failed) {
        const name = line.url?.split("/").pop() ?? "";
        assert.ok(farm.requestsFor(name) > (requests.get(name) ?? 0), `${line.url} is read again`);
      }
      for (const [id, state] of before) {
        if (state.lastSuccessAt === undefined) continue;
        const name = id.replace(/^src-/, "");
        assert.is(farm.requestsFor(name), requests.get(name), `${name} succeeded: not due yet`);
      }
      await assertIndexHoldsExactly(meili, await expectedItems(farm));
      const after = await savedStates(meili);
      assert.is(after.size, FEEDS);
      for (const state of after.values()) {
        assert.is(state.errorCount, 0, state.url);
        assert.ok(state.lastSuccessAt !== undefined, state.url);
      }
      console.log(
        `${signal}: ${downAt} feeds done at the stop, ${failed.length} failed while it was down, ` +
          `exit ${end.code}; re-run read ${rerun.summary()?.due} feeds. ` +
          (run.lines.find((line) => line.level === "error")?.message ?? ""),
      );
    } finally {
      await farm.close();
    }
  });
}

test.run();
