import type { ContentItem } from "@sightline/core";
import { type FetchResult, type LoadedFeed, loadFeed } from "@sightline/feeds";
import { type CheckOutcome, nextCheck, type SchedulePolicy } from "../schedule/next-check.ts";
import { type FeedState, RECENT_ITEM_TIMES } from "../state/feed-state.ts";
import type { FeedJob } from "./feed-job.ts";
import type { WriteBatcher } from "./write-batcher.ts";

export interface IngestFeedContext {
  readonly batcher: WriteBatcher;
  readonly allowHosts: readonly string[];
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly policy: SchedulePolicy;
  readonly now: () => number;
  readonly random: () => number;
}

export interface FeedOutcome {
  readonly state: FeedState;
  readonly status: "ok" | "unchanged" | "failed" | "disabled";
  readonly items: number;
  readonly error?: { readonly code: string; readonly message: string };
}

/** A feed read and handed over: its outcome, which waits for its items to be confirmed. */
export interface FeedRead {
  readonly outcome: Promise<FeedOutcome>;
  /** The outcome is known already: nothing waits for a write. */
  readonly settled: boolean;
}

/**
 * Reads one feed and hands its items to the batcher. It resolves once the caller may read the
 * next feed (see `WriteBatcher.accept`); the outcome's state advances only once the write
 * holding the items is confirmed. A feed that fails, or whose items cannot be written, keeps its
 * old validators, so the next run reads it again and loses nothing.
 */
export async function readFeed(job: FeedJob, context: IngestFeedContext): Promise<FeedRead> {
  const { state, entry, expert } = job;
  const started = context.now();
  const loaded = await loadFeed(state.movedTo ?? entry.url, {
    fetch: {
      allowHosts: [...context.allowHosts],
      timeoutMs: context.timeoutMs,
      maxBytes: context.maxBytes,
      previous: {
        ...(state.etag === undefined ? {} : { etag: state.etag }),
        ...(state.lastModified === undefined ? {} : { lastModified: state.lastModified }),
        ...(state.bodyHash === undefined ? {} : { bodyHash: state.bodyHash }),
      },
    },
    feed: {
      expertId: expert.id,
      sourceId: job.sourceId,
      topics: [...new Set([...expert.topics, ...entry.topics])],
      keywordRules: entry.keywordRules,
      iframeHosts: entry.iframeHosts,
      identityMode: state.identityMode,
      ...(entry.kind === undefined ? {} : { defaultKind: entry.kind }),
      ...(entry.language === undefined ? {} : { language: entry.language }),
    },
    now: started,
  });

  if (loaded.status === "failed") {
    const { code, message } = loaded.error;
    return read(failed(job, { code, message }, hintsOf(loaded.fetch), context, started));
  }
  if (loaded.status === "unchanged") {
    const checked = { ...state, lastCheckAt: started, lastSuccessAt: started, errorCount: 0 };
    return read({
      state: scheduled(checked, hintsOf(loaded.fetch), context),
      status: "unchanged",
      items: 0,
    });
  }

  const items =
    expert.audience.length > 0
      ? loaded.items.map((item) => withAudience(item, expert.audience))
      : loaded.items;
  const { confirmed, settled } = await context.batcher.accept(items);
  const outcome = confirmed.then(
    () => advanced(job, loaded, items, context, started),
    (error: unknown) => {
      const message = `Items of ${entry.url} could not be indexed: ${(error as Error).message}`;
      return failed(
        job,
        { code: "INDEXING_FAILED", message },
        { status: "server-error" },
        context,
        started,
      );
    },
  );
  return { outcome, settled };
}

function read(outcome: FeedOutcome): FeedRead {
  return { outcome: Promise.resolve(outcome), settled: true };
}

/** The state of a feed whose items are confirmed: new validators, next check by its posting. */
function advanced(
  job: FeedJob,
  loaded: Extract<LoadedFeed, { status: "ok" }>,
  items: readonly ContentItem[],
  context: IngestFeedContext,
  started: number,
): FeedOutcome {
  const { state, entry } = job;
  const times = [...items.map((item) => Date.parse(item.publishedAt)), ...state.recentItemTimes]
    .sort((a, b) => b - a)
    .slice(0, RECENT_ITEM_TIMES);
  const { lastError: _cleared, ...rest } = state;
  const next: FeedState = {
    ...rest,
    ...validators(loaded.fetch),
    ...(loaded.fetch.finalUrl !== entry.url && loaded.fetch.finalUrl !== loaded.fetch.url
      ? { movedTo: loaded.fetch.finalUrl }
      : {}),
    identityMode: loaded.identityMode,
    lastCheckAt: started,
    lastSuccessAt: started,
    errorCount: 0,
    itemCount: items.length,
    recentItemTimes: times,
  };
  const { ttlMinutes, skipHours, skipDays } = loaded.feed.schedule;
  const hints: Hints = {
    ...hintsOf(loaded.fetch),
    skipHours,
    skipDays,
    ...(ttlMinutes === undefined ? {} : { ttlMinutes }),
  };
  return { state: scheduled(next, hints, context), status: "ok", items: items.length };
}

function withAudience(item: ContentItem, audience: readonly string[]): ContentItem {
  return { ...item, audience: [...audience] };
}

function validators(fetch: FetchResult): Partial<FeedState> {
  if (fetch.status !== "ok") return {};
  return {
    bodyHash: fetch.bodyHash,
    ...(fetch.etag === undefined ? {} : { etag: fetch.etag }),
    ...(fetch.lastModified === undefined ? {} : { lastModified: fetch.lastModified }),
  };
}

type Hints = Omit<CheckOutcome, "errorCount" | "recentItemTimes">;

/** The fetch's own hints for the scheduler: status, Retry-After, max-age, Expires. */
function hintsOf(fetch: FetchResult): Hints {
  return {
    status: fetch.status,
    ...(fetch.maxAgeMs === undefined ? {} : { maxAgeMs: fetch.maxAgeMs }),
    ...(fetch.expiresAt === undefined ? {} : { expiresAt: fetch.expiresAt }),
    ...(fetch.retryAfterMs === undefined ? {} : { retryAfterMs: fetch.retryAfterMs }),
  };
}

function scheduled(state: FeedState, hints: Hints, context: IngestFeedContext): FeedState {
  const next = nextCheck(
    { ...hints, errorCount: state.errorCount, recentItemTimes: state.recentItemTimes },
    context.now(),
    context.policy,
    context.random,
  );
  if (next.disabled) {
    return { ...state, disabled: true, disabledReason: next.reason, nextCheckReason: next.reason };
  }
  return { ...state, nextCheckAt: next.at, nextCheckReason: next.reason };
}

/** A failure: the old validators stay, the error is counted, the next check backs off. */
function failed(
  job: FeedJob,
  reason: { code: string; message: string },
  hints: Hints,
  context: IngestFeedContext,
  at: number,
): FeedOutcome {
  const state: FeedState = {
    ...job.state,
    lastCheckAt: at,
    errorCount: job.state.errorCount + 1,
    lastError: { ...reason, at },
  };
  // A body that arrived but is no feed (unparsable, not a feed) fails after a fetch that
  // succeeded: schedule it as the failure it is, or it would wait a healthy feed's interval
  // (a day for a feed with no items yet) and never back off.
  const status = hints.status === "ok" || hints.status === "unchanged" ? "invalid" : hints.status;
  const next = scheduled(state, { ...hints, status }, context);
  return { state: next, status: next.disabled ? "disabled" : "failed", items: 0, error: reason };
}
