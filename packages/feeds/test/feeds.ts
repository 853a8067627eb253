import type { ContentItem } from "@sightline/core";
import {
  type FeedConfigInput,
  type FeedDocument,
  type NormalisedFeed,
  normaliseFeed,
  type ParsedFeed,
  readFeedDocument,
} from "@sightline/feeds";

/** The read's clock: 2 Nov 2026, 09:00 UTC. */
export const NOW = Date.UTC(2026, 10, 2, 9, 0, 0);
export const FEED_URL = "https://blog.example.test/feed.xml";
export const CONFIG: FeedConfigInput = { feedUrl: FEED_URL, expertId: "ada", sourceId: "ada-blog" };

/** Reads a document that must be a feed (not HTML feed links). */
export async function readFeed(
  body: string | Uint8Array,
  options: { contentType?: string; url?: string } = {},
): Promise<ParsedFeed> {
  const document: FeedDocument = await readFeedDocument({
    bytes: typeof body === "string" ? Buffer.from(body, "utf8") : body,
    url: options.url ?? FEED_URL,
    ...(options.contentType === undefined ? {} : { contentType: options.contentType }),
  });
  if (document.kind !== "feed") throw new Error(`expected a feed, got ${document.kind}`);
  return document.feed;
}

/** Reads and normalises a feed document with CONFIG plus `config`. */
export async function normalise(
  body: string,
  config: Partial<FeedConfigInput> = {},
  now = NOW,
): Promise<NormalisedFeed> {
  return normaliseFeed(await readFeed(body), { ...CONFIG, ...config }, { now });
}

/** An RSS 2.0 document around the given `<item>` elements. */
export function rss(items: string, channel = ""): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Ada's blog</title><link>https://blog.example.test/</link>
<description>Notes</description>${channel}${items}</channel></rss>`;
}

/** One RSS `<item>`; pass raw XML fragments to add or replace fields. */
export function rssItem(n: number, extra = ""): string {
  return `<item><title>Post ${n}</title><link>https://blog.example.test/posts/${n}</link>
<guid>post-${n}</guid><pubDate>Mon, 26 Oct 2026 10:00:00 GMT</pubDate>
<description>Body of post ${n}</description>${extra}</item>`;
}

/** Captures the error a promise rejects with. */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
    throw error;
  }
  throw new Error("expected a rejection");
}

export function titles(items: readonly ContentItem[]): string[] {
  return items.map((item) => item.title);
}
