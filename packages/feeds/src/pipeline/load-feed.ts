import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ContentItem } from "@sightline/core";
import { FeedError } from "../errors.ts";
import type { FeedConfigInput, IdentityMode } from "../feed-config.ts";
import { fetchFeed } from "../fetch/fetch-feed.ts";
import type { FetchOptions, FetchOptionsInput } from "../fetch/fetch-options.ts";
import type { FetchOk, FetchResult, FetchUnchanged } from "../fetch/fetch-result.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import { normaliseFeed } from "../normalise/normalise-feed.ts";
import type { FeedFormat, FeedSchedule, ParsedFeed } from "../parse/parsed-feed.ts";
import { readFeedDocument } from "../parse/read-feed-document.ts";

export interface LoadFeedOptions {
  /**
   * How to fetch: allowlisted hosts, deadline, size cap, the previous validators… Options from
   * `parseFetchOptions` or `withPrevious` are not parsed again.
   */
  readonly fetch?: FetchOptionsInput | FetchOptions;
  /** What the caller knows about the feed; `feedUrl` is filled in from where it was read. */
  readonly feed: Omit<FeedConfigInput, "feedUrl">;
  /** Epoch ms of this read: first-seen time of new items. */
  readonly now: number;
}

export interface FeedSummary {
  readonly title: string;
  readonly link: string;
  readonly format: FeedFormat;
  readonly schedule: FeedSchedule;
}

export type LoadedFeed =
  | {
      readonly status: "ok";
      readonly fetch: FetchOk;
      readonly feed: FeedSummary;
      readonly items: readonly ContentItem[];
      readonly warnings: readonly string[];
      readonly identityMode: IdentityMode;
    }
  | { readonly status: "unchanged"; readonly fetch: FetchUnchanged }
  | { readonly status: "failed"; readonly fetch: FetchResult; readonly error: FeedError };

/**
 * One feed from URL or path to content items: fetch, decode, parse, normalise. An HTML page that
 * names its feed is followed once to the first feed it names. Every expected failure comes back
 * as `status: "failed"` with one FeedError naming the feed; nothing here throws for a bad feed.
 */
export async function loadFeed(input: string, options: LoadFeedOptions): Promise<LoadedFeed> {
  const first = await fetchFeed(input, options.fetch);
  if (first.status === "unchanged") return { status: "unchanged", fetch: first };
  if (first.status !== "ok") return { status: "failed", fetch: first, error: first.error };
  try {
    const document = await readFeedDocument(sourceOf(first));
    if (document.kind === "feed") return normalised(first, document.feed, options);
    const [discovered] = document.feedUrls;
    // Validators of the page say nothing about the feed it names.
    const { previous: _previous, ...fetchOptions } = options.fetch ?? {};
    const second = await fetchFeed(discovered as string, fetchOptions);
    if (second.status === "unchanged") return { status: "unchanged", fetch: second };
    if (second.status !== "ok") return { status: "failed", fetch: second, error: second.error };
    const followed = await readFeedDocument(sourceOf(second));
    if (followed.kind === "feed") return normalised(second, followed.feed, options);
    throw new FeedError(
      "NOT_A_FEED",
      `${redactUrl(input)} names a feed at ${redactUrl(discovered as string)}, but that is another HTML page. Use the feed's own address.`,
      { feed: redactUrl(input) },
    );
  } catch (error) {
    return { status: "failed", fetch: first, error: asFeedError(error, input) };
  }
}

function normalised(fetched: FetchOk, feed: ParsedFeed, options: LoadFeedOptions): LoadedFeed {
  const base = baseUrlOf(fetched.finalUrl);
  const result = normaliseFeed(feed, { ...options.feed, feedUrl: base }, { now: options.now });
  return {
    status: "ok",
    fetch: fetched,
    feed: {
      title: feed.title ?? "",
      link: feed.link ?? "",
      format: feed.format,
      schedule: feed.schedule,
    },
    items: result.items,
    warnings: result.warnings,
    identityMode: result.identityMode,
  };
}

function sourceOf(fetched: FetchOk) {
  return {
    bytes: fetched.body,
    url: baseUrlOf(fetched.finalUrl),
    ...(fetched.contentType === undefined ? {} : { contentType: fetched.contentType }),
  };
}

/** A local path becomes a file: URL so that relative links in the file resolve against it. */
function baseUrlOf(location: string): string {
  if (/^[a-z][a-z0-9+.-]+:/i.test(location)) return location;
  return pathToFileURL(isAbsolute(location) ? location : resolve(location)).href;
}

function asFeedError(error: unknown, input: string): FeedError {
  if (error instanceof FeedError) return error;
  const feed = redactUrl(input);
  return new FeedError(
    "UNPARSABLE",
    `Feed ${feed} could not be read: ${(error as Error).message}`,
    {
      feed,
      cause: error,
    },
  );
}
