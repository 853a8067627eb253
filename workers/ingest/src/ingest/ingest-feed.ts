import type { ContentItem } from "@sightline/core";
import {
  type FeedSchedule,
  type FetchOk,
  type FetchOptions,
  type FetchResult,
  type IdentityMode,
  loadFeed,
  withPrevious,
} from "@sightline/feeds";
import { type PreparedDocument, prepareDocument } from "@sightline/search";
import {
  type CheckOutcome,
  nextCheck,
  postingTimesToKeep,
  type SchedulePolicy,
} from "../schedule/next-check.ts";
import { type FeedState, RECENT_ITEM_TIMES } from "../state/feed-state.ts";
import type { FeedJob } from "./feed-job.ts";
import type { WriteBatcher } from "./write-batcher.ts";

export interface IngestFeedContext {
  readonly batcher: WriteBatcher<PreparedDocument>;
  /** The run's fetch options, parsed once: its allowlist, deadline, cap and shared connections. */
  readonly fetch: FetchOptions;
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

/** A successful fetch without its body. */
type FetchMeta = Omit<FetchOk, "body">;

/** What a feed's next state needs once its items are confirmed: not its body, not its items. */
interface ReadResult {
  readonly fetch: FetchMeta;
  readonly identityMode: IdentityMode;
  readonly schedule: FeedSchedule;
  readonly itemTimes: readonly number[];
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
    fetch: withPrevious(context.fetch, {
      ...(state.etag === undefined ? {} : { etag: state.etag }),
      ...(state.lastModified === undefined ? {} : { lastModified: state.lastModified }),
      ...(state.bodyHash === undefined ? {} : { bodyHash: state.bodyHash }),
    }),
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
    const checked = {
      ...state,
      lastCheckAt: started,
      lastSuccessAt: started,
      errorCount: 0,
      recentItemTimes: postingTimesToKeep(state.recentItemTimes, started, RECENT_ITEM_TIMES),
    };
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
  // Only what the next state needs waits for the write: the body and items can go meanwhile.
  const result: ReadResult = {
    fetch: withoutBody(loaded.fetch),
    identityMode: loaded.identityMode,
    schedule: loaded.feed.schedule,
    itemTimes: items.map((item) => Date.parse(item.publishedAt)),
  };
  // Serialised now, in the same turn as parsing: the items' objects die young, and the batcher
  // holds each item as one compact string until its write.
  const { confirmed } = await context.batcher.accept(items.map(prepareDocument));
  const outcome = confirmed.then(
    () => advanced(job, result, context, started),
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
  return { outcome, settled: false };
}

function withoutBody(fetch: FetchOk): FetchMeta {
  const { body: _body, ...meta } = fetch;
  return meta;
}

function read(outcome: FeedOutcome): FeedRead {
  return { outcome: Promise.resolve(outcome), settled: true };
}

/** The state of a feed whose items are confirmed: new validators, next check by its posting. */
function advanced(
  job: FeedJob,
  loaded: ReadResult,
  context: IngestFeedContext,
  started: number,
): FeedOutcome {
  const { state, entry } = job;
  const times = postingTimesToKeep(
    [...loaded.itemTimes, ...state.recentItemTimes],
    started,
    RECENT_ITEM_TIMES,
  );
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
    itemCount: loaded.itemTimes.length,
    recentItemTimes: times,
  };
  const { ttlMinutes, skipHours, skipDays } = loaded.schedule;
  const hints: Hints = {
    ...hintsOf(loaded.fetch),
    skipHours,
    skipDays,
    ...(ttlMinutes === undefined ? {} : { ttlMinutes }),
  };
  return {
    state: scheduled(next, hints, context),
    status: "ok",
    items: loaded.itemTimes.length,
  };
}

function withAudience(item: ContentItem, audience: readonly string[]): ContentItem {
  return { ...item, audience: [...audience] };
}

function validators(fetch: FetchMeta): Partial<FeedState> {
  return {
    bodyHash: fetch.bodyHash,
    ...(fetch.etag === undefined ? {} : { etag: fetch.etag }),
    ...(fetch.lastModified === undefined ? {} : { lastModified: fetch.lastModified }),
  };
}

type Hints = Omit<CheckOutcome, "errorCount" | "recentItemTimes">;

/** The fetch's own hints for the scheduler: status, Retry-After, max-age, Expires. */
function hintsOf(fetch: FetchResult | FetchMeta): Hints {
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
