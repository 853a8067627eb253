import { ContentItem } from "@sightline/core";
import {
  DEFAULT_LANGUAGE,
  type FeedConfig,
  type FeedConfigInput,
  type IdentityMode,
  resolveFeedConfig,
} from "../feed-config.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import type { ParsedFeed, ParsedItem } from "../parse/parsed-feed.ts";
import { resolveUrl } from "../resolve-url.ts";
import { sanitiseFragments } from "../sanitise/sanitise-fragments.ts";
import { textToHtml } from "../sanitise/text-to-html.ts";
import { withoutUndefined } from "../without-undefined.ts";
import { canonicalUrl } from "./canonical-url.ts";
import { chooseIdentityMode } from "./choose-identity-mode.ts";
import { dedupeKey } from "./dedupe-key.ts";
import { compileKeywordRules } from "./derive-topics.ts";
import { itemId } from "./item-id.ts";
import { locateItem } from "./locate-item.ts";
import { needsSchemaCheck } from "./needs-schema-check.ts";
import { type FeedContext, type ItemDraft, normaliseItem } from "./normalise-item.ts";
import { normaliseLanguage } from "./normalise-language.ts";

export interface NormaliseOptions {
  /** Epoch ms of this read: the first-seen time of the items, and the yardstick for dates. */
  readonly now: number;
}

export interface NormalisedFeed {
  readonly items: ContentItem[];
  /** What was repaired, defaulted or dropped, each naming the feed. */
  readonly warnings: string[];
  /** The identity mode the items' ids use: persist it as the feed's `identityMode`. */
  readonly identityMode: IdentityMode;
}

/** More feed-level categories than this describe the blog, not each of its items. */
const MAX_FEED_CATEGORIES = 10;

function feedContext(feed: ParsedFeed, config: FeedConfig, now: number): FeedContext {
  const xmlBase = resolveUrl(feed.base, config.feedUrl);
  return {
    config,
    now,
    ...withoutUndefined({ xmlBase, siteLink: canonicalUrl(feed.link, xmlBase ?? config.feedUrl) }),
    language: normaliseLanguage(feed.language) ?? DEFAULT_LANGUAGE,
    // A feed-level list this long is a blog's whole tag cloud (Blogger does this), not a subject.
    fallbackTopics: feed.categories.length <= MAX_FEED_CATEGORIES ? feed.categories : [],
    matchTopics: compileKeywordRules(config.keywordRules),
  };
}

/** The item's body as HTML, not yet sanitised; "" when it has none. */
function bodyHtml({ content }: ParsedItem): string {
  if (content === undefined) return "";
  return content.type === "html" ? content.value : textToHtml(content.value);
}

/** A link names its item only if no other item of the feed shares it and it is not the site's. */
function ownLinkTest(
  drafts: readonly ItemDraft[],
  siteLink: string | undefined,
): (link: string | undefined) => link is string {
  const counts = new Map<string, number>();
  for (const { identity } of drafts) {
    if (identity.link !== undefined)
      counts.set(identity.link, (counts.get(identity.link) ?? 0) + 1);
  }
  return (link): link is string =>
    link !== undefined && link !== siteLink && counts.get(link) === 1;
}

function describeIssues(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ");
}

/** The finished item, or why core's schema rejects it. */
function finish(item: ContentItem): { item: ContentItem } | { problems: string } {
  if (!needsSchemaCheck(item)) return { item };
  const checked = ContentItem.safeParse(item);
  return checked.success
    ? { item: checked.data }
    : { problems: describeIssues(checked.error.issues) };
}

function itemCount(count: number): string {
  return count === 1 ? "1 item" : `${count} items`;
}

function countWarnings(drafts: readonly ItemDraft[], skipped: number, repeated: number): string[] {
  const missing = drafts.filter((draft) => draft.dateFallback === "missing").length;
  const future = drafts.filter((draft) => draft.dateFallback === "future").length;
  return [
    missing > 0 && `${itemCount(missing)} had no readable date; the first-seen time was used`,
    future > 0 && `${itemCount(future)} dated over a day ahead got the first-seen time instead`,
    skipped > 0 && `${itemCount(skipped)} with no title and no text skipped`,
    repeated > 0 && `${itemCount(repeated)} repeating an earlier item's identity dropped`,
  ].filter((warning) => typeof warning === "string");
}

/**
 * Turns a parsed feed into content items for the caller's feed configuration. One bad item never
 * costs the others: it is defaulted, or dropped with a warning. `now` is injected, never read.
 */
export function normaliseFeed(
  feed: ParsedFeed,
  configInput: FeedConfigInput,
  options: NormaliseOptions,
): NormalisedFeed {
  const config = resolveFeedConfig(configInput);
  const context = feedContext(feed, config, options.now);
  const located = feed.items.map((item) => ({ item, location: locateItem(item, context) }));
  const bodies = sanitiseFragments(
    located.map(({ item, location }) => ({ html: bodyHtml(item), baseUrl: location.contentBase })),
    config.iframeHosts,
  );
  const drafts = located
    .map(({ item, location }, index) => normaliseItem(item, context, location, bodies[index] ?? ""))
    .filter((draft) => draft !== undefined);
  const identity = chooseIdentityMode(
    drafts.map((draft) => draft.identity),
    config.identityMode,
  );
  const isOwnLink = ownLinkTest(drafts, context.siteLink);
  const ids = new Set<string>();
  const items: ContentItem[] = [];
  const rejected: string[] = [];
  for (const draft of drafts) {
    const id = itemId(config.sourceId, identity.mode, draft.identity);
    if (ids.has(id)) continue;
    ids.add(id);
    const { link } = draft.identity;
    const { title, text, summary } = draft.item;
    const key = dedupeKey(isOwnLink(link) ? link : undefined, title, text ?? summary);
    // Fields in core's order, as its schema would output them.
    const finished = finish({ id, ...draft.item, dedupeKey: key, contentHash: draft.contentHash });
    if ("item" in finished) items.push(finished.item);
    else rejected.push(`dropped item ${draft.item.url}: ${finished.problems}`);
  }
  const label = redactUrl(config.feedUrl);
  const warnings = [
    ...feed.warnings,
    ...(identity.reason === undefined ? [] : [identity.reason]),
    ...countWarnings(drafts, feed.items.length - drafts.length, drafts.length - ids.size),
    ...rejected,
  ].map((warning) => `${label}: ${warning}`);
  return { items, warnings, identityMode: identity.mode };
}
