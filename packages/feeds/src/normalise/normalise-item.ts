import { type ContentItem, NEW_ITEM_SIGNALS } from "@sightline/core";
import type { FeedConfig } from "../feed-config.ts";
import type { Markup, ParsedItem } from "../parse/parsed-feed.ts";
import { resolveUrl } from "../resolve-url.ts";
import { htmlToText } from "../sanitise/html-to-text.ts";
import { sanitiseHtml } from "../sanitise/sanitise-html.ts";
import { textToHtml } from "../sanitise/text-to-html.ts";
import { withoutUndefined } from "../without-undefined.ts";
import { canonicalUrl } from "./canonical-url.ts";
import type { IdentityCandidates } from "./choose-identity-mode.ts";
import { deriveKind } from "./derive-kind.ts";
import { deriveTopics, type TopicMatcher } from "./derive-topics.ts";
import { normaliseLanguage } from "./normalise-language.ts";
import { parseFeedDate } from "./parse-feed-date.ts";
import { stableHash } from "./stable-hash.ts";
import { truncateOnWord } from "./truncate-on-word.ts";

/** What every item of one feed shares, worked out once per feed. */
export interface FeedContext {
  readonly config: FeedConfig;
  /** Epoch ms of this read. */
  readonly now: number;
  /** The feed element's `xml:base`, absolute, if it declares one. */
  readonly xmlBase?: string;
  /** The site's link, absolute. */
  readonly siteLink?: string;
  /** The feed's language, or the default. */
  readonly language: string;
  /** Topics for items that name no category of their own. */
  readonly fallbackTopics: readonly string[];
  readonly matchTopics: TopicMatcher;
}

export interface ItemDraft {
  /** All but the id and the dedupe key, which depend on the feed's other items. */
  readonly item: Omit<ContentItem, "id" | "dedupeKey">;
  readonly identity: IdentityCandidates;
  /** Set when the item's own date was unusable and its first-seen time stands in. */
  readonly dateFallback?: "missing" | "future";
}

const DAY_MS = 86_400_000;
const MAX_TITLE_LENGTH = 1000;
/** Length of a title made up from the text of an item that has none. */
const DERIVED_TITLE_LENGTH = 100;

function toText(markup: Markup | undefined): string {
  if (markup === undefined) return "";
  return markup.type === "html" ? htmlToText(markup.value) : markup.value.trim();
}

/** Whitespace collapsed, and cut to `max` on a word boundary. */
function oneLine(text: string, max: number): string {
  // Only the head can survive the cut: collapsing 20,000 characters to keep 500 is waste.
  return truncateOnWord(
    text
      .slice(0, max * 2)
      .replace(/\s+/g, " ")
      .trim(),
    max,
  );
}

function publication(item: ParsedItem, now: number) {
  const stated = parseFeedDate(item.published) ?? parseFeedDate(item.updated);
  // The epoch itself is what broken generators print for "unknown".
  if (stated === undefined || stated <= 0) return { at: now, dateFallback: "missing" as const };
  if (stated > now + DAY_MS) return { at: now, dateFallback: "future" as const };
  return { at: stated };
}

function body(
  item: ParsedItem,
  context: FeedContext,
  contentBase: string,
): { contentHtml?: string; text?: string } {
  if (item.content === undefined) return {};
  const html = item.content.type === "html" ? item.content.value : textToHtml(item.content.value);
  const contentHtml = sanitiseHtml(html, {
    baseUrl: contentBase,
    iframeHosts: context.config.iframeHosts,
  });
  if (contentHtml === "") return {};
  const text = htmlToText(contentHtml);
  return {
    contentHtml,
    ...(text === "" ? {} : { text: truncateOnWord(text, context.config.maxTextLength) }),
  };
}

interface Location {
  /** The item's own canonical link, if it has one. */
  readonly ownUrl?: string;
  readonly url: string;
  /** What relative URLs in the body resolve against. */
  readonly contentBase: string;
}

// xml:base (feed → item → content element) wins where declared. Without it a relative item link
// is taken against the site rather than the feed's address, as feeds served from a feed host
// (FeedBurner…) mean, and a relative URL in the body against the item's own page.
function locate(item: ParsedItem, context: FeedContext): Location {
  const { feedUrl } = context.config;
  const itemXmlBase = resolveUrl(item.base, context.xmlBase ?? feedUrl) ?? context.xmlBase;
  const permaLink = item.guidIsPermaLink ? canonicalUrl(item.guid, undefined) : undefined;
  const ownUrl = canonicalUrl(item.link, itemXmlBase ?? context.siteLink ?? feedUrl) ?? permaLink;
  const fallback = context.siteLink ?? feedUrl;
  const contentBase =
    resolveUrl(item.contentBase, itemXmlBase ?? feedUrl) ?? itemXmlBase ?? ownUrl ?? fallback;
  return { ...withoutUndefined({ ownUrl }), url: ownUrl ?? fallback, contentBase };
}

function readable(item: ParsedItem, context: FeedContext, contentBase: string) {
  const { contentHtml, text } = body(item, context, contentBase);
  const stated = item.summary === undefined ? "" : toText(item.summary);
  const summary = oneLine(stated || text || "", context.config.maxSummaryLength);
  const title =
    oneLine(toText(item.title), MAX_TITLE_LENGTH) ||
    oneLine(summary || text || "", DERIVED_TITLE_LENGTH);
  return { title, summary, ...withoutUndefined({ contentHtml, text }) };
}

/**
 * One parsed item as a content item without its id and dedupe key (they depend on the feed's
 * other items), or `undefined` when the item has nothing to show: no title and no text.
 */
export function normaliseItem(item: ParsedItem, context: FeedContext): ItemDraft | undefined {
  const { config } = context;
  const { ownUrl, url, contentBase } = locate(item, context);
  const { title, summary, contentHtml, text } = readable(item, context, contentBase);
  if (title === "") return undefined;
  const { at, dateFallback } = publication(item, context.now);
  const topics = deriveTopics(
    config.topics,
    item.categories,
    context.matchTopics(`${title}\n${summary}\n${text ?? ""}`),
    item.categories.length === 0 ? context.fallbackTopics : [],
  );
  const draft: ItemDraft["item"] = {
    url,
    title,
    summary,
    kind: deriveKind(item, config.defaultKind),
    topics,
    expertId: config.expertId,
    sourceId: config.sourceId,
    language: config.language ?? normaliseLanguage(item.language) ?? context.language,
    publishedAt: new Date(at).toISOString(),
    firstSeenAt: new Date(context.now).toISOString(),
    ...NEW_ITEM_SIGNALS,
    ...withoutUndefined({ contentHtml, text }),
    // Dates are left out on purpose: an edited item must hash differently, a re-dated one not.
    contentHash: stableHash(`${url}\u0000${title}\u0000${summary}\u0000${contentHtml ?? ""}`),
  };
  return {
    item: draft,
    identity: {
      content: `${title}\n${item.content?.value ?? item.summary?.value ?? ""}`,
      ...withoutUndefined({ guid: item.guid, link: ownUrl }),
    },
    ...withoutUndefined({ dateFallback }),
  };
}
