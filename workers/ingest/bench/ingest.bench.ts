// pnpm bench:ingest [--json] [--runs N]
// Ingests 1,000 feeds × 50 items, served on 127.0.0.1 by a child process, into a fresh index by
// running the worker as shipped — `sightline ingest --once` from the built dist/cli.js (the script
// builds first), in its own process, with its real Meilisearch feed-state store — then re-runs it
// with `--all` (every feed due) and nothing changed: the server answers 304. In the same run, the
// very same documents, read back from the ingested index, go to a second fresh index with identical
// settings in ONE addDocuments call: the bulk baseline. Run times are the worker's own (its
// "run-finished" summary: from reading feed states to the last state saved, every item confirmed
// indexed); its process start-up is printed beside them. Peak RSS and CPU are the worker
// process's own getrusage figures (all threads), which its summary line carries: read by the
// kernel, not sampled, so nothing here competes with the worker for the CPU while it runs. The
// feed server and Meilisearch are other processes. MEILI_URL +
// MEILI_MASTER_KEY use a running server; otherwise the embedded one is started (MEILI_BIN
// overrides its binary) and stopped at the end. The whole measurement is made three times
// (`--runs N`), each with fresh indexes: the floors are judged on the ratios' medians, the most
// re-run writes and the highest peak, since one run on a shared 2-core machine can be off by a
// tenth either way. Two figures explain the ratio: the first run's writes replayed into a fresh
// index one at a time, so that Meilisearch indexes the same batch sizes with the machine to
// itself, and how much of every core the first run kept busy (worker, Meilisearch and feed
// server together). `--json` gives those figures and every run's own.
import { type ChildProcess, fork, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  applyIndexSettings,
  awaitTasks,
  createSearchAdmin,
  type MeilisearchConnection,
  type SearchAdmin,
} from "@sightline/search";
import { openScratchMeilisearch } from "@sightline/search/testing";
import type { IngestSummary } from "../src/ingest/run-ingest.ts";
import type { ProcessUsage } from "../src/log/process-usage.ts";
import { FEEDS, ITEMS, type ServerMessage, type ServerStats } from "./feed-server.ts";

const json = process.argv.includes("--json");
/** Whole measurements made, each with fresh indexes: `--runs N`, 3 unless given. */
const RUNS = runsFromArguments(process.argv);
const FLOORS = {
  ratioVsBulkAdd: 1.5,
  unchangedRerunRatio: 0.05,
  unchangedRerunWrites: 0,
  peakRssMb: 250,
} as const;
const WRITE_TYPES = ["documentAdditionOrUpdate", "documentEdition", "documentDeletion"] as const;
const PAGE = 1000;
const BULK_TIMEOUT_MS = 600_000;
/** USER_HZ: Linux reports process CPU time in these ticks on every mainstream architecture. */
const CLOCK_TICKS = 100;
const CLI = fileURLToPath(new URL("../dist/cli.js", import.meta.url));

function runsFromArguments(argv: readonly string[]): number {
  const at = argv.indexOf("--runs");
  if (at === -1) return 3;
  const runs = Number(argv[at + 1]);
  if (!Number.isInteger(runs) || runs < 1) {
    throw new Error(`--runs needs a whole number of at least 1, not "${argv[at + 1] ?? ""}"`);
  }
  return runs;
}

const log = (line: string) => {
  if (!json) console.log(line);
};

interface FeedServer {
  readonly base: string;
  /** Its process, whose CPU counts in how much of the machine a run used. */
  readonly pid: number | undefined;
  readonly bytes: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

/** Forks the feed server: its generation, gzip and serving cost none of our CPU or RSS. */
async function startFeedServer(): Promise<FeedServer> {
  const entry = fileURLToPath(new URL("./feed-server.ts", import.meta.url));
  // Only what tsx and source imports need; --expose-gc and the like stay with the bench.
  const child = fork(entry, ["--serve"], {
    execArgv: ["--conditions=@sightline/source", "--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const listening = await nextMessage(child, "listening");
  return {
    base: `http://127.0.0.1:${listening.port}`,
    pid: child.pid,
    bytes: listening.bytes,
    stats: async () => {
      const answer = nextMessage(child, "stats");
      child.send("stats");
      return await answer;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

function nextMessage<T extends ServerMessage["type"]>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ServerMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`feed server exited (${code})`));
    const onMessage = (message: ServerMessage) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as Extract<ServerMessage, { type: T }>);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

/** One expert per blog, every feed on the bench server, everything else the defaults. */
function orgConfig(base: string, index: string, stateIndex: string) {
  return {
    ingest: { allowHosts: ["127.0.0.1"] },
    search: { index, stateIndex },
    experts: Array.from({ length: FEEDS }, (_, n) => ({
      id: `expert-${n}`,
      name: `Expert ${n}`,
      feeds: [{ url: `${base}/feeds/${n}.xml` }],
    })),
  };
}

interface Timed<T> {
  /** The worker's own run time (its summary's durationMs), or the bulk add's. */
  readonly seconds: number;
  /** CPU seconds of the worker process and of the embedded Meilisearch (NaN for a remote one). */
  readonly cpu: { readonly ours: number; readonly meilisearch: number };
  readonly value: T;
}

/** A worker run also counts the feed server's CPU: it serves only while the worker reads. */
interface TimedWorkerRun extends Timed<WorkerRun> {
  readonly cpu: Timed<WorkerRun>["cpu"] & { readonly feeds: number };
}

/** CPU seconds a process has used, from /proc on Linux; NaN where that cannot be read. */
async function processCpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return Number.NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8");
    // Fields after the parenthesised command name; utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

interface WorkerRun {
  readonly summary: IngestSummary;
  /** From spawning the process to its exit. */
  readonly processSeconds: number;
  readonly cpuSeconds: number;
  readonly peakRssMb: number;
}

/** The worker's "run-finished" log line: its summary and what the process used. */
interface RunFinished {
  readonly summary: IngestSummary;
  readonly process: ProcessUsage;
}

/** Runs `sightline ingest --once` from dist/ against `connection`; its summary from its JSON log. */
async function runWorker(
  connection: MeilisearchConnection,
  configPath: string,
  dataDir: string,
  all: boolean,
): Promise<WorkerRun> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [CLI, "--config", configPath, "ingest", "--once", ...(all ? ["--all"] : [])],
    {
      env: {
        PATH: process.env.PATH,
        MEILI_URL: connection.url,
        MEILI_MASTER_KEY: connection.masterKey,
        SIGHTLINE_LOG: "json",
        SIGHTLINE_DATA_DIR: dataDir,
      },
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  let output = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => {
    output += text;
  });
  // "close", not "exit": the last log lines may still be in the pipe when the process exits.
  const exitCode = await new Promise<number | null>((done) => child.once("close", done));
  const processSeconds = (performance.now() - started) / 1000;
  const finished = output
    .split("\n")
    .filter((line) => line.includes('"run-finished"'))
    .map((line) => JSON.parse(line) as RunFinished)[0];
  if (exitCode !== 0 || finished === undefined) {
    throw new Error(`sightline ingest exited with ${exitCode}:\n${output.slice(-2000)}`);
  }
  const { summary } = finished;
  if (summary.failed > 0 || summary.disabled > 0 || summary.ok + summary.unchanged !== FEEDS) {
    throw new Error(`ingest did not read every feed: ${JSON.stringify(summary)}`);
  }
  return {
    summary,
    processSeconds,
    cpuSeconds: finished.process.cpuSeconds,
    peakRssMb: finished.process.peakRssMb,
  };
}

async function timedWorker(
  connection: MeilisearchConnection,
  feedsPid: number | undefined,
  configPath: string,
  dataDir: string,
  all: boolean,
): Promise<TimedWorkerRun> {
  const meiliPid = connection.embedded?.pid;
  const meiliBefore = await processCpuSeconds(meiliPid);
  const feedsBefore = await processCpuSeconds(feedsPid);
  const run = await runWorker(connection, configPath, dataDir, all);
  const meilisearch = (await processCpuSeconds(meiliPid)) - meiliBefore;
  const feeds = (await processCpuSeconds(feedsPid)) - feedsBefore;
  return {
    seconds: run.summary.durationMs / 1000,
    cpu: { ours: run.cpuSeconds, meilisearch, feeds },
    value: run,
  };
}

async function timed<T>(meiliPid: number | undefined, work: () => Promise<T>): Promise<Timed<T>> {
  globalThis.gc?.();
  const meiliBefore = await processCpuSeconds(meiliPid);
  const usage = process.cpuUsage();
  const start = performance.now();
  const value = await work();
  const seconds = (performance.now() - start) / 1000;
  const { user, system } = process.cpuUsage(usage);
  const meilisearch = (await processCpuSeconds(meiliPid)) - meiliBefore;
  return { seconds, cpu: { ours: (user + system) / 1e6, meilisearch }, value };
}

async function latestTaskUid(admin: SearchAdmin): Promise<number> {
  const { results } = await admin.client.tasks.getTasks({ limit: 1 });
  return results[0]?.uid ?? -1;
}

/** Seconds of an ISO 8601 duration as Meilisearch writes them, e.g. "PT1M2.5S". */
function durationSeconds(iso: string | null): number {
  const [, hours = "0", minutes = "0", seconds = "0"] =
    /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(iso ?? "") ?? [];
  return Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds);
}

/** How many batches Meilisearch grouped these tasks into, and the seconds it spent on them. */
async function indexingBatches(
  admin: SearchAdmin,
  batchUids: readonly number[],
): Promise<{ batches: number; seconds: number }> {
  if (batchUids.length === 0) return { batches: 0, seconds: 0 };
  const { results } = await admin.client.batches.getBatches({
    batchUids: [...batchUids],
    limit: batchUids.length,
  });
  const seconds = results.reduce((sum, batch) => sum + durationSeconds(batch.duration), 0);
  return { batches: results.length, seconds };
}

/** Document-write tasks enqueued on `indexUid` after task `afterUid`, and the documents they carried. */
async function documentWrites(
  admin: SearchAdmin,
  indexUid: string,
  afterUid: number,
): Promise<{ tasks: number; documents: number; batchUids: number[]; sizes: number[] }> {
  const { results } = await admin.client.tasks.getTasks({
    indexUids: [indexUid],
    types: [...WRITE_TYPES],
    limit: PAGE,
  });
  // Newest first as listed: sizes go back to the order the writes were sent in.
  const after = results.filter((task) => task.uid > afterUid).sort((a, b) => a.uid - b.uid);
  const sizes = after.map((task) => task.details?.receivedDocuments ?? 0);
  const documents = sizes.reduce((sum, size) => sum + size, 0);
  const batchUids = [...new Set(after.flatMap((task) => task.batchUid ?? []))];
  return { tasks: after.length, documents, batchUids, sizes };
}

async function documentCount(admin: SearchAdmin, indexUid: string): Promise<number> {
  return (await admin.client.index(indexUid).getStats()).numberOfDocuments;
}

/** Every stored document of `indexUid`, exactly as the ingest wrote it. */
async function allDocuments(
  admin: SearchAdmin,
  indexUid: string,
): Promise<Record<string, unknown>[]> {
  const index = admin.client.index(indexUid);
  const documents: Record<string, unknown>[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await index.getDocuments({ offset, limit: PAGE });
    documents.push(...page.results);
    if (page.results.length < PAGE) return documents;
  }
}

/** The baseline: all documents in one call, awaited until Meilisearch reports them indexed. */
async function bulkAdd(
  admin: SearchAdmin,
  indexUid: string,
  documents: Record<string, unknown>[],
): Promise<void> {
  const { taskUid } = await admin.client.index(indexUid).addDocuments(documents);
  const [task] = await awaitTasks(admin, [{ taskUid, operation: "bulk add" }], BULK_TIMEOUT_MS);
  if (task?.details?.indexedDocuments !== documents.length) {
    throw new Error(`bulk add indexed ${task?.details?.indexedDocuments} of ${documents.length}`);
  }
}

/**
 * The first run's writes again: the same documents in writes of the same sizes and order, each
 * awaited before the next is sent. The sum of the batches' own durations is what those batches
 * cost Meilisearch with the machine to itself; in the first run it shares it with the worker.
 */
async function replayWrites(
  admin: SearchAdmin,
  indexUid: string,
  documents: Record<string, unknown>[],
  sizes: readonly number[],
): Promise<number> {
  const index = admin.client.index(indexUid);
  let seconds = 0;
  let offset = 0;
  for (const size of sizes) {
    const { taskUid } = await index.updateDocuments(documents.slice(offset, offset + size));
    offset += size;
    const [task] = await awaitTasks(admin, [{ taskUid, operation: "replay" }], BULK_TIMEOUT_MS);
    seconds += durationSeconds(task?.duration ?? null);
  }
  return seconds;
}

const round = (value: number, digits = 3) => Number(value.toFixed(digits));

interface Indexes {
  readonly index: string;
  readonly stateIndex: string;
  readonly bulkIndex: string;
  readonly replayIndex: string;
}

/**
 * The three runs and the replay, checked: every feed read, every document indexed, nothing
 * rewritten.
 */
async function measure(
  feeds: FeedServer,
  connection: MeilisearchConnection,
  uids: Indexes,
  workDir: string,
) {
  const { index, stateIndex, bulkIndex, replayIndex } = uids;
  const admin = createSearchAdmin(connection, { indexName: index });
  await applyIndexSettings(admin, index);
  await applyIndexSettings(admin, bulkIndex);
  await applyIndexSettings(admin, replayIndex);
  const configPath = join(workDir, "sightline.json");
  await writeFile(configPath, JSON.stringify(orgConfig(feeds.base, index, stateIndex)));
  const dataDir = join(workDir, "data");
  const meiliPid = connection.embedded?.pid;

  const start = await latestTaskUid(admin);
  const first = await timedWorker(connection, feeds.pid, configPath, dataDir, false);
  const firstWrites = await documentWrites(admin, index, start);
  const firstIndexing = await indexingBatches(admin, firstWrites.batchUids);
  const firstCount = await documentCount(admin, index);
  const served = await feeds.stats();

  const before = await latestTaskUid(admin);
  const rerun = await timedWorker(connection, feeds.pid, configPath, dataDir, true);
  const rerunWrites = await documentWrites(admin, index, before);
  const stateSaves = (await documentWrites(admin, stateIndex, before)).tasks;
  const rerunCount = await documentCount(admin, index);
  const notModified = (await feeds.stats()).notModified - served.notModified;
  const peakRssMb = Math.max(first.value.peakRssMb, rerun.value.peakRssMb);

  const documents = await allDocuments(admin, index);
  const bulkStart = await latestTaskUid(admin);
  const bulk = await timed(meiliPid, () => bulkAdd(admin, bulkIndex, documents));
  const bulkIndexing = await indexingBatches(
    admin,
    (await documentWrites(admin, bulkIndex, bulkStart)).batchUids,
  );
  const bulkCount = await documentCount(admin, bulkIndex);
  const replaySeconds = await replayWrites(admin, replayIndex, documents, firstWrites.sizes);
  const replayCount = await documentCount(admin, replayIndex);
  if (
    firstCount !== FEEDS * ITEMS ||
    bulkCount !== firstCount ||
    rerunCount !== firstCount ||
    replayCount !== firstCount
  ) {
    throw new Error(
      `document counts: first run ${firstCount}, re-run ${rerunCount}, bulk ${bulkCount}, ` +
        `replay ${replayCount}; expected ${FEEDS * ITEMS}`,
    );
  }
  // Everything the first run kept busy, over the worker process's lifetime on every core.
  const firstRunCpu = first.cpu.ours + first.cpu.meilisearch + first.cpu.feeds;
  const machineUse = firstRunCpu / (first.value.processSeconds * availableParallelism());
  for (const uid of [index, stateIndex, bulkIndex, replayIndex]) {
    await admin.client.deleteIndex(uid).waitTask({ timeout: 60_000 });
  }
  return {
    runs: { first, bulk, rerun },
    result: {
      ratioVsBulkAdd: round(first.seconds / bulk.seconds),
      unchangedRerunRatio: round(rerun.seconds / first.seconds, 4),
      unchangedRerunWrites: rerunWrites.tasks,
      peakRssMb: round(peakRssMb, 1),
      firstRunSeconds: round(first.seconds),
      bulkAddSeconds: round(bulk.seconds),
      rerunSeconds: round(rerun.seconds),
      firstRunProcessSeconds: round(first.value.processSeconds),
      rerunProcessSeconds: round(rerun.value.processSeconds),
      firstRunCpuSeconds: round(first.cpu.ours, 2),
      firstRunMeilisearchCpuSeconds: round(first.cpu.meilisearch, 2),
      bulkAddMeilisearchCpuSeconds: round(bulk.cpu.meilisearch, 2),
      rerunCpuSeconds: round(rerun.cpu.ours, 2),
      documents: firstCount,
      firstRunWriteTasks: firstWrites.tasks,
      firstRunIndexingBatches: firstIndexing.batches,
      firstRunIndexingSeconds: round(firstIndexing.seconds, 2),
      bulkIndexingSeconds: round(bulkIndexing.seconds, 2),
      replayIndexingSeconds: round(replaySeconds, 2),
      firstRunFeedServerCpuSeconds: round(first.cpu.feeds, 2),
      firstRunMachineUse: round(machineUse, 2),
      unchangedRerunDocuments: rerunWrites.documents,
      rerunNotModified: notModified,
      rerunStateSaves: stateSaves,
    },
  };
}

type Measured = Awaited<ReturnType<typeof measure>>;

const cpu = (seconds: number) => (Number.isNaN(seconds) ? "n/a" : seconds.toFixed(1)).padStart(10);

function printRun({ runs, result }: Measured, run: number): void {
  const row = (label: string, timed: Timed<unknown>, written: string) =>
    log(
      `  ${label.padEnd(36)}${timed.seconds.toFixed(2).padStart(8)}${cpu(timed.cpu.ours)}` +
        `${cpu(timed.cpu.meilisearch)}   ${written}`,
    );
  log("");
  log(
    `  ${`run ${run} of ${RUNS}`.padEnd(36)}${"seconds".padStart(8)}${"CPU ours".padStart(10)}${"CPU meili".padStart(10)}   documents written`,
  );
  row(
    "ours: sightline ingest, fresh index",
    runs.first,
    `${result.documents} in ${result.firstRunWriteTasks} tasks, ${result.firstRunIndexingBatches} batches`,
  );
  row("bulk: one addDocuments, same docs", runs.bulk, `${result.documents} in 1 task`);
  row(
    "ours: unchanged re-run, all due",
    runs.rerun,
    `${result.unchangedRerunDocuments} in ${result.unchangedRerunWrites} tasks ` +
      `(${result.rerunNotModified} × 304; ${result.rerunStateSaves} state save)`,
  );
  log(
    `  Meilisearch indexing: ${result.firstRunIndexingSeconds} s in ${result.firstRunIndexingBatches} batches ` +
      `for ours, ${result.replayIndexingSeconds} s for the same batches replayed with the machine ` +
      `to itself, ${result.bulkIndexingSeconds} s for the bulk add.`,
  );
  log(
    `  The first run kept ${Math.round(result.firstRunMachineUse * 100)} % of ` +
      `${availableParallelism()} cores busy (worker, Meilisearch and feed server; ` +
      `${result.firstRunFeedServerCpuSeconds} CPU-s for the feed server).`,
  );
  log(
    `  Worker processes, start-up and Meilisearch handshake included: ` +
      `${result.firstRunProcessSeconds} s and ${result.rerunProcessSeconds} s.`,
  );
  log(
    `  ratioVsBulkAdd ${result.ratioVsBulkAdd}, unchangedRerunRatio ${result.unchangedRerunRatio}, ` +
      `peakRssMb ${result.peakRssMb}`,
  );
}

type Result = Measured["result"];
type Floored = { readonly [K in keyof typeof FLOORS]: number };

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * The figures the floors are judged on: the ratios' medians over the runs (one run on a shared
 * 2-core machine can be off by a tenth either way), the worst writes and peak memory.
 */
function overRuns(results: readonly Result[]): Floored & { readonly runs: readonly Result[] } {
  const all = <K extends keyof Result>(key: K) => results.map((result) => result[key] as number);
  return {
    ratioVsBulkAdd: round(median(all("ratioVsBulkAdd"))),
    unchangedRerunRatio: round(median(all("unchangedRerunRatio")), 4),
    unchangedRerunWrites: Math.max(...all("unchangedRerunWrites")),
    peakRssMb: Math.max(...all("peakRssMb")),
    runs: results,
  };
}

function printFloors(figures: Floored): void {
  log("");
  log(`  Over ${RUNS} runs: the ratios' medians, the most writes, the highest peak.`);
  for (const key of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) {
    const floor = key === "unchangedRerunWrites" ? `= ${FLOORS[key]}` : `≤ ${FLOORS[key]}`;
    log(`  ${key.padEnd(22)}${String(figures[key]).padStart(8)}   floor ${floor}`);
  }
}

const feeds = await startFeedServer();
try {
  const meili = await openScratchMeilisearch({
    label: "ingest-bench",
    url: process.env.MEILI_URL,
    masterKey: process.env.MEILI_MASTER_KEY,
    binaryPath: process.env.MEILI_BIN,
  });
  try {
    log(
      `Meilisearch ${meili.connection.features.version}; ${FEEDS} feeds × ${ITEMS} items, ` +
        `${(feeds.bytes / 1e6).toFixed(1)} MB of RSS served by a child process on ${feeds.base}`,
    );
    const results: Result[] = [];
    for (let run = 1; run <= RUNS; run++) {
      const suffix = `${process.pid}-${run}`;
      const workDir = await mkdtemp(join(tmpdir(), "sightline-ingest-bench-worker-"));
      const measured = await measure(
        feeds,
        meili.connection,
        {
          index: `bench-ingest-${suffix}`,
          stateIndex: `bench-ingest-feeds-${suffix}`,
          bulkIndex: `bench-ingest-bulk-${suffix}`,
          replayIndex: `bench-ingest-replay-${suffix}`,
        },
        workDir,
      ).finally(() => rm(workDir, { recursive: true, force: true }));
      printRun(measured, run);
      results.push(measured.result);
    }
    const figures = overRuns(results);
    if (json) console.log(JSON.stringify(figures, null, 2));
    else printFloors(figures);
    for (const key of Object.keys(FLOORS) as (keyof typeof FLOORS)[]) {
      if (figures[key] <= FLOORS[key]) continue;
      console.error(`${key} ${figures[key]} is above the floor ${FLOORS[key]}.`);
      process.exitCode = 1;
    }
  } finally {
    await meili.stop();
  }
} finally {
  await feeds.stop();
}
