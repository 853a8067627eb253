import { createFeedConnections, parseFetchOptions } from "@sightline/feeds";
import type { PreparedDocument } from "@sightline/search";
import pLimit, { type LimitFunction } from "p-limit";
import type { OrgConfig } from "../config/org-config.ts";
import type { SchedulePolicy } from "../schedule/next-check.ts";
import type { FeedState } from "../state/feed-state.ts";
import type { FeedStateStore } from "../state/feed-state-store.ts";
import { type FeedJob, feedJobs, hostOf } from "./feed-job.ts";
import { type FeedOutcome, type FeedRead, readFeed } from "./ingest-feed.ts";
import { WriteBatcher, type WriteReport } from "./write-batcher.ts";

export type IngestEvent =
  | { readonly type: "run-started"; readonly feeds: number; readonly due: number }
  | {
      readonly type: "feed-done";
      readonly feedId: string;
      readonly url: string;
      readonly status: FeedOutcome["status"];
      readonly items: number;
      readonly error?: { readonly code: string; readonly message: string };
    }
  | ({ readonly type: "items-written" } & WriteReport)
  | { readonly type: "run-finished"; readonly summary: IngestSummary };

export interface IngestSummary {
  readonly feeds: number;
  readonly due: number;
  readonly ok: number;
  readonly unchanged: number;
  readonly failed: number;
  readonly disabled: number;
  /** Due feeds not started because the run was asked to stop. */
  readonly abandoned: number;
  readonly items: WriteReport;
  readonly durationMs: number;
}

export interface IngestRunOptions {
  readonly config: OrgConfig;
  readonly store: FeedStateStore;
  /** Writes items and reports what changed; resolves once the write is confirmed. */
  readonly write: (documents: PreparedDocument[]) => Promise<WriteReport>;
  /** Every feed is due now, whatever its schedule ("refresh everything"). */
  readonly all?: boolean;
  readonly signal?: AbortSignal;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly onEvent?: (event: IngestEvent) => void;
}

const STATE_FLUSH_MS = 1000;
/**
 * Large writes, two at a time. Meilisearch pays a fixed cost per batch (tens of milliseconds
 * here, more on a big index): one batch of 5,000 indexes far faster than 100 of 50. So items wait
 * up to a second, or until 5,000 wait. The second write in flight is queued while the first is
 * indexed, so the index never waits for the worker between batches, and the worker never waits
 * for the index until a third write's worth is ready.
 */
const WRITE_BATCHES = { maxItems: 5000, maxDelayMs: 1000, maxWritesInFlight: 2 };

/**
 * One ingest pass: reads every due feed with bounded concurrency overall and per host, writes
 * their items in large confirmed batches, and saves each feed's new state only after its items
 * are confirmed. A broken feed never stops the others. Aborting `signal` starts no new feed;
 * feeds already reading finish, and their state is saved.
 */
export async function runIngest(options: IngestRunOptions): Promise<IngestSummary> {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const emit = options.onEvent ?? (() => {});
  const started = now();
  const { ingest } = options.config;

  const jobs = feedJobs(options.config.experts, await options.store.loadAll());
  const due = jobs.filter(
    (job) => !job.state.disabled && (options.all === true || job.state.nextCheckAt <= started),
  );
  emit({ type: "run-started", feeds: jobs.length, due: due.length });

  const written = { created: 0, updated: 0, unchanged: 0 };
  const batcher = new WriteBatcher(options.write, WRITE_BATCHES, (report) => {
    written.created += report.created;
    written.updated += report.updated;
    written.unchanged += report.unchanged;
    emit({ type: "items-written", ...report });
  });
  const saver = new StateSaver(options.store);
  const counts = { ok: 0, unchanged: 0, failed: 0, disabled: 0, abandoned: 0 };
  const connections = createFeedConnections();
  const context = {
    batcher,
    fetch: parseFetchOptions({
      connections,
      allowHosts: ingest.allowHosts,
      timeoutMs: ingest.timeoutSeconds * 1000,
      maxBytes: Math.round(ingest.maxFeedMegabytes * 1024 * 1024),
    }),
    policy: policyOf(options.config),
    now,
    random,
  };

  const overall = pLimit(ingest.concurrency);
  const perHost = new Map<string, LimitFunction>();
  const lane = (host: string): LimitFunction => {
    const existing = perHost.get(host);
    if (existing !== undefined) return existing;
    const created = pLimit(ingest.perHostConcurrency);
    perHost.set(host, created);
    return created;
  };
  const finish = (job: FeedJob, outcome: FeedOutcome): void => {
    counts[outcome.status]++;
    saver.add(outcome.state);
    emit({
      type: "feed-done",
      feedId: job.sourceId,
      url: job.entry.url,
      status: outcome.status,
      items: outcome.items,
      ...(outcome.error === undefined ? {} : { error: outcome.error }),
    });
  };
  // Reads a feed in its slot. A feed whose outcome is known finishes before the slot is freed, so
  // a stop asked on its "feed-done" starts no other feed; one whose items wait behind a write in
  // flight frees its slot first, or writes could never gather more than a slot-full of feeds.
  const start = async (job: FeedJob): Promise<FeedRead | undefined> => {
    if (options.signal?.aborted === true) {
      counts.abandoned++;
      return undefined;
    }
    const read = await readFeed(job, context);
    if (!read.settled) return read;
    finish(job, await read.outcome);
    return undefined;
  };
  // Per host first, then overall: a slow host fills its own lane, never every slot.
  const run = async (job: FeedJob): Promise<void> => {
    const waiting = await lane(hostOf(job.entry.url))(() => overall(() => start(job)));
    if (waiting !== undefined) finish(job, await waiting.outcome);
  };
  try {
    await Promise.all(due.map(run));
  } finally {
    await connections.close();
  }
  await batcher.close();
  await saver.close();

  const summary: IngestSummary = {
    feeds: jobs.length,
    due: due.length,
    ...counts,
    items: written,
    durationMs: now() - started,
  };
  emit({ type: "run-finished", summary });
  return summary;
}

function policyOf(config: OrgConfig): SchedulePolicy {
  const { ingest } = config;
  return {
    minIntervalMs: ingest.minIntervalMinutes * 60_000,
    maxIntervalMs: ingest.maxIntervalHours * 3_600_000,
    backoffBaseMs: ingest.minIntervalMinutes * 60_000,
    maxBackoffMs: ingest.maxBackoffHours * 3_600_000,
    jitter: 0.1,
  };
}

/** Saves feed states in batches, one save at a time, so a run of 1,000 feeds is a few writes. */
class StateSaver {
  private readonly store: FeedStateStore;
  private pending = new Map<string, FeedState>();
  private timer: NodeJS.Timeout | undefined;
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(store: FeedStateStore) {
    this.store = store;
  }

  add(state: FeedState): void {
    this.pending.set(state.id, state);
    this.timer ??= setTimeout(() => this.flush(), STATE_FLUSH_MS);
  }

  /** Saves what waits; throws the first failed save, so a run never reports lost state as saved. */
  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure !== undefined) throw this.failure;
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.size === 0) return;
    const states = [...this.pending.values()];
    this.pending = new Map();
    this.chain = this.chain
      .then(() => this.store.save(states))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }
}
