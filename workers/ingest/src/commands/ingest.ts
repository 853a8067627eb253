import { upsertPreparedDocuments } from "@sightline/search";
import cron from "node-cron";
import type { Environment } from "../config/environment.ts";
import type { OrgConfig } from "../config/org-config.ts";
import { openSearch } from "../connect/open-search.ts";
import { runIngest } from "../ingest/run-ingest.ts";
import { createReporter } from "../log/reporter.ts";
import { MeilisearchFeedStateStore } from "../state/meilisearch-feed-state-store.ts";
import { STOP_SIGNALS } from "../stop-signals.ts";
import type { CommandIo } from "./command-io.ts";

/**
 * `--once` exit status when the pass ran but some feeds failed: distinct from 1 (the run itself
 * failed), so a cron job or CI step can alert on broken feeds without treating them as an outage.
 */
const FEEDS_FAILED = 2;

export interface IngestCommandOptions {
  readonly once: boolean;
  readonly all: boolean;
}

/**
 * `sightline ingest`: one pass with `--once` (exit 0, or FEEDS_FAILED if any feed failed), else
 * a pass now and then one on every tick of the configured cron schedule (never two at once, each
 * after a random delay). SIGTERM or SIGINT starts no new feed, lets the feeds being read finish
 * and their state be saved, stops the embedded Meilisearch and exits 0.
 */
export async function ingestCommand(
  environment: Environment,
  config: OrgConfig,
  options: IngestCommandOptions,
  io: CommandIo,
): Promise<number> {
  const reporter = createReporter({
    format: environment.logFormat ?? (io.interactive ? "pretty" : "json"),
    ...(environment.logLevel === undefined ? {} : { level: environment.logLevel }),
    write: io.write,
    interactive: io.interactive,
    now: io.now,
  });
  // Listen before the (possibly embedded) server starts: a SIGTERM during start-up would
  // otherwise kill the process outright, skip `search.stop()` and orphan the embedded server.
  const stopping = new AbortController();
  const stop = new Promise<void>((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      reporter.info(`${signal}: finishing the feeds being read, then stopping.`);
      stopping.abort();
      resolve();
    };
    for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  });
  const search = await openSearch(environment, config);
  const store = new MeilisearchFeedStateStore(search.admin, config.search.stateIndex);
  const pass = (all: boolean) =>
    runIngest({
      config,
      store,
      write: (documents) => upsertPreparedDocuments(search.admin, documents),
      all,
      signal: stopping.signal,
      now: io.now,
      onEvent: (event) => reporter.event(event),
    });

  let running: Promise<unknown> = Promise.resolve();

  try {
    const first = pass(options.all);
    running = first;
    const summary = await first;
    if (options.once) return summary.failed + summary.disabled > 0 ? FEEDS_FAILED : 0;
    const task = cron.schedule(
      config.ingest.schedule,
      async () => {
        running = pass(false);
        await running;
      },
      {
        name: "sightline-ingest",
        noOverlap: true,
        timezone: config.ingest.timezone,
        maxRandomDelay: config.ingest.maxRandomDelaySeconds * 1000,
      },
    );
    reporter.info(
      `Next run ${task.getNextRun()?.toISOString() ?? "never"}; Ctrl-C or SIGTERM stops.`,
    );
    await stop;
    await task.destroy();
    await running.catch(() => undefined);
    return 0;
  } catch (error) {
    reporter.error((error as Error).message, { code: (error as { code?: string }).code });
    return 1;
  } finally {
    await search.stop();
  }
}
