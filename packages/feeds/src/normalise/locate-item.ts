import type { ParsedItem } from "../parse/parsed-feed.ts";
import { resolveUrl } from "../resolve-url.ts";
import { canonicalUrl } from "./canonical-url.ts";
import type { FeedContext } from "./normalise-item.ts";

export interface ItemLocation {
  /** The item's own canonical link, if it has one. */
  readonly ownUrl?: string;
  readonly url: string;
  /** What relative URLs in the body resolve against. */
  readonly contentBase: string;
}

/**
 * Where an item lives. xml:base (feed → item → content element) wins where declared. Without it
 * a relative item link is taken against the site rather than the feed's address, as feeds served
 * from a feed host (FeedBurner…) mean, and a relative URL in the body against the item's own page.
 */
export function locateItem(item: ParsedItem, context: FeedContext): ItemLocation {
  const { feedUrl } = context.config;
  const itemXmlBase = resolveUrl(item.base, context.xmlBase ?? feedUrl) ?? context.xmlBase;
  const permaLink = item.guidIsPermaLink ? canonicalUrl(item.guid, undefined) : undefined;
  const ownUrl = canonicalUrl(item.link, itemXmlBase ?? context.siteLink ?? feedUrl) ?? permaLink;
  const fallback = context.siteLink ?? feedUrl;
  const contentBase =
    resolveUrl(item.contentBase, itemXmlBase ?? feedUrl) ?? itemXmlBase ?? ownUrl ?? fallback;
  // A literal, not a spread of `withoutUndefined`: this runs for every item.
  if (ownUrl === undefined) return { url: fallback, contentBase };
  return { ownUrl, url: ownUrl, contentBase };
}
