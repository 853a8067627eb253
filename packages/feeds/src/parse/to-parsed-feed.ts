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
  const names: string[] = [];
  for (const list of lists) {
    for (const node of listOf(list)) {
      // RSS puts the name in the text, Atom in `term`, iTunes in `text`.
      const name =
        present(textOf(node)) ??
        present(attributeOf(node, "term")) ??
        present(attributeOf(node, "text"));
      if (name !== undefined) names.push(name);
    }
  }
  return names;
}

function pushEnclosure(found: Enclosure[], node: unknown, urlAttribute: string): void {
  const url = present(attributeOf(node, urlAttribute));
  if (url === undefined) return;
  const type = attributeOf(node, "type");
  const medium = attributeOf(node, "medium");
  found.push({ url, ...withoutUndefined({ type, medium }) });
}

function enclosures(raw: Raw): Enclosure[] {
  const found: Enclosure[] = [];
  if (isRecord(raw.enclosure)) {
    const url = present(stringOf(raw.enclosure.url));
    const type = stringOf(raw.enclosure.type);
    if (url !== undefined) found.push({ url, ...withoutUndefined({ type }) });
  }
  for (const link of listOf(raw.sightlineLinks)) {
    if (attributeOf(link, "rel") === "enclosure") pushEnclosure(found, link, "href");
  }
  for (const node of listOf(raw.mediaContent)) pushEnclosure(found, node, "url");
  for (const group of listOf(raw.mediaGroup)) {
    const media = listOf(isRecord(group) ? group["media:content"] : undefined);
    for (const node of media) pushEnclosure(found, node, "url");
  }
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

// Items are built field by field rather than spread from `withoutUndefined` objects: this runs
// for every item, and those intermediate objects would be most of its cost. Fields are set in
// the order ParsedItem lists them.
type ItemFields = { -readonly [K in keyof ParsedItem]?: ParsedItem[K] };

/** Sets an optional field only when it has a value: exactOptionalPropertyTypes forbids undefined. */
function setDefined<K extends keyof ItemFields>(
  item: ItemFields,
  key: K,
  value: ItemFields[K] | undefined,
): void {
  if (value !== undefined) item[key] = value;
}

function commonFields(raw: Raw): ItemFields {
  const item: ItemFields = {};
  setDefined(item, "base", entryOf(raw.sightlineAttrs, "xml:base"));
  setDefined(
    item,
    "language",
    present(textOf(raw.language)) ?? entryOf(raw.sightlineAttrs, "xml:lang"),
  );
  item.categories = categories(raw.sightlineCategories, raw.dcSubjects);
  item.enclosures = enclosures(raw);
  item.isPodcastEpisode = raw.itunesDuration !== undefined || raw.itunesEpisodeType !== undefined;
  return item;
}

function rssItem(raw: Raw): ParsedItem {
  const encoded = textOf(raw["content:encoded"]);
  const description = stringOf(raw.content);
  const plainSummary =
    textOf(raw.itunesSubtitle) ?? textOf(raw.itunesSummary) ?? mediaDescription(raw);
  const item = commonFields(raw);
  setDefined(item, "guid", present(textOf(raw.guid)) ?? present(stringOf(raw["rdf:about"])));
  setDefined(item, "link", present(textOf(raw.origLink)) ?? present(stringOf(raw.link)));
  setDefined(
    item,
    "title",
    markup(textOf(listOf(raw.sightlineTitle)[0]) ?? stringOf(raw.title), "html"),
  );
  setDefined(item, "content", markup(encoded ?? description, "html"));
  setDefined(
    item,
    "summary",
    (encoded === undefined ? undefined : markup(description, "html")) ??
      markup(plainSummary, "text"),
  );
  setDefined(item, "published", present(stringOf(raw.pubDate)) ?? present(stringOf(raw.date)));
  item.guidIsPermaLink = attributeOf(listOf(raw.sightlineGuid)[0], "isPermaLink") !== "false";
  return item as ParsedItem;
}

function atomItem(raw: Raw): ParsedItem {
  const contentNode = listOf(raw.sightlineContent)[0];
  const item = commonFields(raw);
  setDefined(item, "guid", present(textOf(raw.id)));
  setDefined(
    item,
    "link",
    present(textOf(raw.origLink)) ?? present(alternateLink(raw.sightlineLinks)),
  );
  setDefined(item, "title", atomMarkup(listOf(raw.sightlineTitle)[0], undefined));
  setDefined(item, "content", atomMarkup(contentNode, stringOf(raw.content)));
  setDefined(item, "contentBase", attributeOf(contentNode, "xml:base"));
  setDefined(
    item,
    "summary",
    atomMarkup(listOf(raw.sightlineSummary)[0], stringOf(raw.summary)) ??
      markup(mediaDescription(raw), "text"),
  );
  setDefined(item, "published", present(stringOf(raw.pubDate)));
  item.guidIsPermaLink = false;
  return item as ParsedItem;
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
