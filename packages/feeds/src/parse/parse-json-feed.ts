import { z } from "zod";
import { FeedError } from "../errors.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import { withoutUndefined } from "../without-undefined.ts";
import type { Markup, ParsedFeed, ParsedItem } from "./parsed-feed.ts";

const optionalText = z.string().optional().catch(undefined);

const JsonFeedItem = z.object({
  // JSON Feed 1.0 let publishers write numeric ids; they are still identities.
  id: z.union([z.string(), z.number().transform(String)]),
  url: optionalText,
  external_url: optionalText,
  title: optionalText,
  content_html: optionalText,
  content_text: optionalText,
  summary: optionalText,
  date_published: optionalText,
  date_modified: optionalText,
  language: optionalText,
  tags: z.array(z.string()).catch([]).default([]),
  attachments: z
    .array(z.object({ url: z.string(), mime_type: z.string().optional().catch(undefined) }))
    .catch([])
    .default([]),
});
type JsonFeedItem = z.infer<typeof JsonFeedItem>;

/** JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). */
const JsonFeed = z.object({
  version: z.string().regex(/^https?:\/\/jsonfeed\.org\/version\/1(\.\d+)?$/),
  title: optionalText,
  home_page_url: optionalText,
  language: optionalText,
  items: z.array(z.unknown()),
});

function markup(value: string | undefined, type: Markup["type"]): Markup | undefined {
  return value === undefined || !/\S/.test(value) ? undefined : { value, type };
}

function toItem(item: JsonFeedItem): ParsedItem {
  return {
    guid: item.id,
    ...withoutUndefined({
      link: item.url ?? item.external_url,
      title: markup(item.title, "text"),
      content: markup(item.content_html, "html") ?? markup(item.content_text, "text"),
      summary: markup(item.summary, "text"),
      published: item.date_published,
      updated: item.date_modified,
      language: item.language,
    }),
    guidIsPermaLink: false,
    categories: item.tags,
    enclosures: item.attachments.map(({ url, mime_type }) => ({
      url,
      ...withoutUndefined({ type: mime_type }),
    })),
    isPodcastEpisode: false,
  };
}

/** Parses a JSON Feed; items that break the spec are dropped and counted in `warnings`. */
export function parseJsonFeed(text: string, feedUrl: string): ParsedFeed {
  const feed = redactUrl(feedUrl);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedError(
      "UNPARSABLE",
      `Could not read the JSON Feed ${feed}: ${error instanceof Error ? error.message : error}. Its publisher needs to serve valid JSON.`,
      { feed, cause: error },
    );
  }
  const parsed = JsonFeed.safeParse(json);
  if (!parsed.success) {
    throw new FeedError(
      "NOT_A_FEED",
      `${feed} is JSON but not a JSON Feed 1.x (it needs "version": "https://jsonfeed.org/version/1.1" and an "items" array). Check that the URL points at the feed.`,
      { feed, cause: parsed.error },
    );
  }
  const items = parsed.data.items.map((item) => JsonFeedItem.safeParse(item));
  const valid = items.flatMap((item) => (item.success ? [toItem(item.data)] : []));
  const dropped = items.length - valid.length;
  const { title, home_page_url: link, language } = parsed.data;
  return {
    format: "json",
    ...withoutUndefined({ title, link, language }),
    categories: [],
    schedule: { skipHours: [], skipDays: [] },
    items: valid,
    warnings: dropped > 0 ? [`dropped ${dropped} items without an "id"`] : [],
  };
}
