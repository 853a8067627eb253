// The public surface of @sightline/feeds.

export { type DecodedDocument, decodeFeedBytes } from "./decode/decode-feed-bytes.ts";
export {
  type CharsetSource,
  type DeclaredCharset,
  detectCharset,
} from "./decode/detect-charset.ts";
export { stripInvalidXmlChars } from "./decode/strip-invalid-xml-chars.ts";
export { FeedError, type FeedErrorCode } from "./errors.ts";
export {
  DEFAULT_LANGUAGE,
  FeedConfig,
  type FeedConfigInput,
  IdentityMode,
  KeywordRule,
  resolveFeedConfig,
} from "./feed-config.ts";
export {
  type AddressPolicy,
  type AddressVerdict,
  createAddressPolicy,
  isPublicAddress,
} from "./fetch/address-policy.ts";
export {
  type ConnectionTerms,
  createFeedConnections,
  type FeedConnections,
  type GuardedAgent,
} from "./fetch/feed-connections.ts";
export { fetchFeed } from "./fetch/fetch-feed.ts";
export {
  DEFAULT_USER_AGENT,
  type FetchOptions,
  type FetchOptionsInput,
  FetchOptionsSchema,
  type PreviousFetch,
  parseFetchOptions,
  withPrevious,
} from "./fetch/fetch-options.ts";
export type {
  FetchFailure,
  FetchFailureStatus,
  FetchOk,
  FetchResult,
  FetchResultBase,
  FetchStatus,
  FetchUnchanged,
} from "./fetch/fetch-result.ts";
export {
  createGuardedLookup,
  type ResolvedAddress,
  type Resolver,
} from "./fetch/guarded-lookup.ts";
export { canonicalUrl } from "./normalise/canonical-url.ts";
export {
  type NormalisedFeed,
  type NormaliseOptions,
  normaliseFeed,
} from "./normalise/normalise-feed.ts";
export { parseFeedDate } from "./normalise/parse-feed-date.ts";
export type { OpmlDocument, OpmlFeed, OpmlOutline } from "./opml/opml-document.ts";
export { opmlFeeds } from "./opml/opml-feeds.ts";
export { opmlFromFeeds } from "./opml/opml-from-feeds.ts";
export { parseOpml } from "./opml/parse-opml.ts";
export { writeOpml } from "./opml/write-opml.ts";
export { discoverFeedLinks } from "./parse/discover-feed-links.ts";
export { parseJsonFeed } from "./parse/parse-json-feed.ts";
export { parseXmlFeed } from "./parse/parse-xml-feed.ts";
export type {
  Enclosure,
  FeedFormat,
  FeedSchedule,
  Markup,
  ParsedFeed,
  ParsedItem,
  Weekday,
} from "./parse/parsed-feed.ts";
export {
  type FeedDocument,
  type FeedSource,
  readFeedDocument,
} from "./parse/read-feed-document.ts";
export {
  type FeedSummary,
  type LoadedFeed,
  type LoadFeedOptions,
  loadFeed,
} from "./pipeline/load-feed.ts";
export { htmlToText } from "./sanitise/html-to-text.ts";
export { type SanitiseOptions, sanitiseHtml } from "./sanitise/sanitise-html.ts";
