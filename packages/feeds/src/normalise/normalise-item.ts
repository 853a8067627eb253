import { type ContentItem, NEW_ITEM_SIGNALS } from "@sightline/core";
import { collapseSpaces } from "../collapse-spaces.ts";
import type { FeedConfig } from "../feed-config.ts";
import type { Markup, ParsedItem } from "../parse/parsed-feed.ts";
import { htmlToText } from "../sanitise/html-to-text.ts";
import type { IdentityCandidates } from "./choose-identity-mode.ts";
import { deriveKind } from "./derive-kind.ts";
import { deriveTopics, type TopicMatcher } from "./derive-topics.ts";
import type { ItemLocation } from "./locate-item.ts";
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
  /**
   * All but the id and the dedupe key, which depend on the feed's other items, and the content
   * hash, kept apart so that the finished item can list its fields in core's order.
   */
  readonly item: Omit<ContentItem, "id" | "dedupeKey" | "contentHash">;
  readonly contentHash: string;
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
  return truncateOnWord(collapseSpaces(text.slice(0, max * 2)).trim(), max);
}

function publication(item: ParsedItem, now: number) {
  const stated = parseFeedDate(item.published) ?? parseFeedDate(item.updated);
  // The epoch itself is what broken generators print for "unknown".
  if (stated === undefined || stated <= 0) return { at: now, dateFallback: "missing" as const };
  if (stated > now + DAY_MS) return { at: now, dateFallback: "future" as const };
  return { at: stated };
}

interface Readable {
  readonly title: string;
  readonly summary: string;
  /** The body's HTML as `sanitiseHtml` made it, unless it is empty. */
  readonly contentHtml: string | undefined;
  /** The body's plain text, unless it is empty. */
  readonly text: string | undefined;
}

function readable(item: ParsedItem, context: FeedContext, sanitisedBody: string): Readable {
  const contentHtml = sanitisedBody === "" ? undefined : sanitisedBody;
  const fullText = contentHtml === undefined ? "" : htmlToText(contentHtml);
  const text = fullText === "" ? undefined : truncateOnWord(fullText, context.config.maxTextLength);
  const stated = item.summary === undefined ? "" : toText(item.summary);
  const summary = oneLine(stated || text || "", context.config.maxSummaryLength);
  const title =
    oneLine(toText(item.title), MAX_TITLE_LENGTH) ||
    oneLine(summary || text || "", DERIVED_TITLE_LENGTH);
  return { title, summary, contentHtml, text };
}

function identityOf(item: ParsedItem, title: string, ownUrl?: string): IdentityCandidates {
  const identity: { -readonly [K in keyof IdentityCandidates]: IdentityCandidates[K] } = {
    content: `${title}\n${item.content?.value ?? item.summary?.value ?? ""}`,
  };
  // Set one by one rather than spread from `withoutUndefined`: this runs for every item.
  if (item.guid !== undefined) identity.guid = item.guid;
  if (ownUrl !== undefined) identity.link = ownUrl;
  return identity;
}

/**
 * One parsed item as a content item without its id and dedupe key (they depend on the feed's
 * other items), or `undefined` when the item has nothing to show: no title and no text. The body
 * comes sanitised (`sanitisedBody`, "" for none): the feed's bodies are sanitised together.
 */
export function normaliseItem(
  item: ParsedItem,
  context: FeedContext,
  location: ItemLocation,
  sanitisedBody: string,
): ItemDraft | undefined {
  const { config } = context;
  const { ownUrl, url } = location;
  const { title, summary, contentHtml, text } = readable(item, context, sanitisedBody);
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
  };
  if (contentHtml !== undefined) draft.contentHtml = contentHtml;
  if (text !== undefined) draft.text = text;
  const done = {
    item: draft,
    // Dates are left out on purpose: an edited item must hash differently, a re-dated one not.
    contentHash: stableHash(`${url}\u0000${title}\u0000${summary}\u0000${contentHtml ?? ""}`),
    identity: identityOf(item, title, ownUrl),
  };
  return dateFallback === undefined ? done : { ...done, dateFallback };
}
