import { withoutUndefined } from "../without-undefined.ts";
import type { Enclosure, FeedFormat, Markup, ParsedFeed, ParsedItem } from "./parsed-feed.ts";
import { readFeedSchedule } from "./read-feed-schedule.ts";
import { attributeOf, deepText, entryOf, isRecord, listOf, stringOf, textOf } from "./xml-value.ts";

/** What rss-parser must copy beyond its defaults; read by `toParsedFeed`. */
export const RSS_PARSER_CUSTOM_FIELDS = {
  feed: [
    ["$", "sightlineAttrs", { keepArray: true }],
    ["category", "sightlineCategories", { keepArray: true }],
    ["link", "sightlineLinks", { keepArray: true }],
    ["itunes:category", "itunesCategories", { keepArray: true }],
    ["dc:language", "dcLanguage"],
  ],
  item: [
    ["$", "sightlineAttrs", { keepArray: true }],
    ["title", "sightlineTitle", { keepArray: true }],
    ["content", "sightlineContent", { keepArray: true }],
    ["summary", "sightlineSummary", { keepArray: true }],
    ["category", "sightlineCategories", { keepArray: true }],
    ["dc:subject", "dcSubjects", { keepArray: true }],
    ["link", "sightlineLinks", { keepArray: true }],
    ["guid", "sightlineGuid", { keepArray: true }],
    ["feedburner:origLink", "origLink"],
    ["media:content", "mediaContent", { keepArray: true }],
    ["media:group", "mediaGroup", { keepArray: true }],
    ["media:description", "mediaDescription"],
    ["yt:videoId", "ytVideoId"],
    ["itunes:duration", "itunesDuration"],
    ["itunes:episodeType", "itunesEpisodeType"],
    ["itunes:summary", "itunesSummary"],
    ["itunes:subtitle", "itunesSubtitle"],
  ],
} as const;

type Raw = Record<string, unknown>;

function present(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === "" ? undefined : trimmed;
}

function markup(value: string | undefined, type: Markup["type"]): Markup | undefined {
  return value === undefined || !/\S/.test(value) ? undefined : { value, type };
}

/** Atom's `type` attribute: "text" when absent; `undefined` for content that cannot be shown. */
function atomType(node: unknown): Markup["type"] | undefined {
  if (attributeOf(node, "src") !== undefined) return undefined;
  const type = attributeOf(node, "type")?.toLowerCase() ?? "text";
  if (type === "text" || type === "text/plain") return "text";
  if (type === "html" || type === "xhtml" || type.endsWith("html")) return "html";
  return undefined;
}

/** Atom text as rss-parser serialised it (`value`), typed by the raw element's attribute. */
function atomMarkup(node: unknown, value: string | undefined): Markup | undefined {
  const type = atomType(node);
  return type === undefined ? undefined : markup(value ?? textOf(node), type);
}

function alternateLink(links: unknown): string | undefined {
  const alternate = listOf(links).find((link) => {
    const rel = attributeOf(link, "rel");
    return rel === undefined || rel === "alternate";
  });
  return attributeOf(alternate, "href");
}

function categories(...lists: unknown[]): string[] {
  return lists.flatMap(listOf).flatMap((node) => {
    // RSS puts the name in the text, Atom in `term`, iTunes in `text`.
    const name =
      present(textOf(node)) ??
      present(attributeOf(node, "term")) ??
      present(attributeOf(node, "text"));
    return name === undefined ? [] : [name];
  });
}

function enclosure(node: unknown, urlAttribute: string): Enclosure[] {
  const url = present(attributeOf(node, urlAttribute));
  if (url === undefined) return [];
  const type = attributeOf(node, "type");
  const medium = attributeOf(node, "medium");
  return [{ url, ...withoutUndefined({ type, medium }) }];
}

function enclosures(raw: Raw): Enclosure[] {
  const found: Enclosure[] = [];
  if (isRecord(raw.enclosure)) {
    const url = present(stringOf(raw.enclosure.url));
    const type = stringOf(raw.enclosure.type);
    if (url !== undefined) found.push({ url, ...withoutUndefined({ type }) });
  }
  for (const link of listOf(raw.sightlineLinks)) {
    if (attributeOf(link, "rel") === "enclosure") found.push(...enclosure(link, "href"));
  }
  const groups = listOf(raw.mediaGroup);
  const media = [
    ...listOf(raw.mediaContent),
    ...groups.flatMap((group) => listOf(isRecord(group) ? group["media:content"] : undefined)),
  ];
  for (const node of media) found.push(...enclosure(node, "url"));
  const videoId = present(textOf(raw.ytVideoId));
  if (videoId !== undefined) {
    found.push({ url: `https://www.youtube.com/watch?v=${videoId}`, medium: "video" });
  }
  return found;
}

function mediaDescription(raw: Raw): string | undefined {
  const group = listOf(raw.mediaGroup)[0];
  const inGroup = isRecord(group) ? listOf(group["media:description"])[0] : undefined;
  return textOf(raw.mediaDescription) ?? textOf(inGroup);
}

function commonFields(raw: Raw) {
  return {
    ...withoutUndefined({
      base: entryOf(raw.sightlineAttrs, "xml:base"),
      language: present(textOf(raw.language)) ?? entryOf(raw.sightlineAttrs, "xml:lang"),
    }),
    categories: categories(raw.sightlineCategories, raw.dcSubjects),
    enclosures: enclosures(raw),
    isPodcastEpisode: raw.itunesDuration !== undefined || raw.itunesEpisodeType !== undefined,
  };
}

function rssItem(raw: Raw): ParsedItem {
  const encoded = textOf(raw["content:encoded"]);
  const description = stringOf(raw.content);
  const plainSummary =
    textOf(raw.itunesSubtitle) ?? textOf(raw.itunesSummary) ?? mediaDescription(raw);
  return {
    ...commonFields(raw),
    ...withoutUndefined({
      guid: present(textOf(raw.guid)) ?? present(stringOf(raw["rdf:about"])),
      link: present(textOf(raw.origLink)) ?? present(stringOf(raw.link)),
      title: markup(textOf(listOf(raw.sightlineTitle)[0]) ?? stringOf(raw.title), "html"),
      content: markup(encoded ?? description, "html"),
      summary:
        (encoded === undefined ? undefined : markup(description, "html")) ??
        markup(plainSummary, "text"),
      published: present(stringOf(raw.pubDate)) ?? present(stringOf(raw.date)),
    }),
    guidIsPermaLink: attributeOf(listOf(raw.sightlineGuid)[0], "isPermaLink") !== "false",
  };
}

function atomItem(raw: Raw): ParsedItem {
  const contentNode = listOf(raw.sightlineContent)[0];
  return {
    ...commonFields(raw),
    ...withoutUndefined({
      guid: present(textOf(raw.id)),
      link: present(textOf(raw.origLink)) ?? present(alternateLink(raw.sightlineLinks)),
      title: atomMarkup(listOf(raw.sightlineTitle)[0], undefined),
      content: atomMarkup(contentNode, stringOf(raw.content)),
      contentBase: attributeOf(contentNode, "xml:base"),
      summary:
        atomMarkup(listOf(raw.sightlineSummary)[0], stringOf(raw.summary)) ??
        markup(mediaDescription(raw), "text"),
      published: present(stringOf(raw.pubDate)),
    }),
    guidIsPermaLink: false,
  };
}

function feedFields(raw: Raw, format: FeedFormat) {
  const title = stringOf(raw.title) ?? deepText(raw.title);
  const link = format === "atom" ? alternateLink(raw.sightlineLinks) : stringOf(raw.link);
  return withoutUndefined({
    title: present(title),
    link: present(link),
    base: entryOf(raw.sightlineAttrs, "xml:base"),
    language:
      present(textOf(raw.language)) ??
      present(textOf(raw.dcLanguage)) ??
      entryOf(raw.sightlineAttrs, "xml:lang"),
  });
}

/**
 * Narrows rss-parser's loosely typed output into a ParsedFeed. Items that are not objects are
 * skipped; a field of an unexpected shape reads as absent rather than costing its item.
 */
export function toParsedFeed(
  output: unknown,
  format: Exclude<FeedFormat, "json">,
  warnings: readonly string[],
): ParsedFeed {
  const raw = isRecord(output) ? output : {};
  const toItem = format === "atom" ? atomItem : rssItem;
  return {
    format,
    ...feedFields(raw, format),
    categories: categories(raw.sightlineCategories, raw.itunesCategories),
    schedule: readFeedSchedule(raw),
    items: listOf(raw.items).filter(isRecord).map(toItem),
    warnings,
  };
}
