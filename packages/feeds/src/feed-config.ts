import { ContentItem, ContentKind } from "@sightline/core";
import { z } from "zod";
import { FeedError } from "./errors.ts";

// Reuse core's field rules so a config that passes here cannot produce items core rejects.
const Id = ContentItem.shape.id;
const Topic = ContentItem.shape.topics.element;
const Language = ContentItem.shape.language;

/** Items of a feed are told apart by GUID, else by canonical link, else by title and content. */
export const IdentityMode = z.enum(["guid", "link", "content"]);
export type IdentityMode = z.infer<typeof IdentityMode>;

/** Adds `topic` to every item whose title, summary or text contains one of `keywords`. */
export const KeywordRule = z.strictObject({
  topic: Topic,
  /** Matched case-insensitively as whole words or phrases. */
  keywords: z.array(z.string().trim().min(1).max(100)).min(1),
});
export type KeywordRule = z.infer<typeof KeywordRule>;

const HostName = z
  .string()
  .regex(/^[a-z0-9.-]+$/, "must be a lower-case host name such as 'www.youtube.com'");

/** The language an item gets when neither the config, the item nor the feed names one. */
export const DEFAULT_LANGUAGE = "en";

/**
 * What the caller knows about one feed, with every default. This schema is the one place the
 * defaults of normalising live.
 */
export const FeedConfig = z.strictObject({
  /** Where the feed was read from: the base of relative links and the name in warnings. */
  feedUrl: z.url({ protocol: /^(?:https?|file)$/ }),
  expertId: Id,
  sourceId: Id,
  /** Kind of an item whose enclosures and iTunes fields say nothing. */
  defaultKind: ContentKind.default("article"),
  /** Forces every item's language; otherwise the item's own, the feed's, then DEFAULT_LANGUAGE. */
  language: Language.optional(),
  /** Added to every item of this feed. */
  topics: z.array(Topic).max(50).default([]),
  keywordRules: z.array(KeywordRule).default([]),
  /** Hosts whose iframes (video players, say) survive sanitising; every other iframe goes. */
  iframeHosts: z.array(HostName).default([]),
  /** Cap on an item's plain text for search, cut on a word boundary. */
  maxTextLength: z.number().int().min(100).default(20_000),
  /** Cap on an item's summary; core accepts at most 10,000 characters. */
  maxSummaryLength: z.number().int().min(50).max(10_000).default(500),
  /**
   * The identity mode this feed last ended in (from `normaliseFeed`'s result). A feed only ever
   * moves on to a later mode, so persisting it keeps item ids stable across runs.
   */
  identityMode: IdentityMode.default("guid"),
});
export type FeedConfig = z.output<typeof FeedConfig>;
export type FeedConfigInput = z.input<typeof FeedConfig>;

/** Fills in defaults; throws one FeedError naming every bad field. */
export function resolveFeedConfig(input: FeedConfigInput): FeedConfig {
  const result = FeedConfig.safeParse(input);
  if (result.success) return result.data;
  const problems = result.error.issues
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`)
    .join("; ");
  throw new FeedError(
    "INVALID_OPTIONS",
    `Invalid feed configuration: ${problems}. Fix these fields.`,
    {
      cause: result.error,
    },
  );
}
