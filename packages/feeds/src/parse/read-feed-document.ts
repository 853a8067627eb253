import { type DecodedDocument, decodeFeedBytes } from "../decode/decode-feed-bytes.ts";
import { FeedError } from "../errors.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import { detectDocumentType } from "./detect-document-type.ts";
import { discoverFeedLinks } from "./discover-feed-links.ts";
import { parseJsonFeed } from "./parse-json-feed.ts";
import { parseXmlFeed } from "./parse-xml-feed.ts";
import type { ParsedFeed } from "./parsed-feed.ts";

export interface FeedSource {
  /** The response body, exactly as received (after content-encoding is undone). */
  readonly bytes: Uint8Array;
  /** The Content-Type header, if there was one: its charset outranks the XML prolog. */
  readonly contentType?: string;
  /** The final URL the body came from: the base for relative links and the name in errors. */
  readonly url: string;
}

export type FeedDocument =
  | {
      readonly kind: "feed";
      readonly feed: ParsedFeed;
      readonly encoding: Omit<DecodedDocument, "text">;
    }
  | {
      /** An HTML page that names its feeds: fetch one of these instead. */
      readonly kind: "feed-links";
      readonly feedUrls: readonly string[];
    };

function notAFeed(url: string, why: string): FeedError {
  const feed = redactUrl(url);
  return new FeedError("NOT_A_FEED", `${feed} ${why}`, { feed });
}

/** Bytes and Content-Type → decoded text → a parsed feed, or the feed links of an HTML page. */
export async function readFeedDocument(source: FeedSource): Promise<FeedDocument> {
  const { text, ...encoding } = decodeFeedBytes(source.bytes, source.contentType);
  if (text.trim() === "") {
    throw notAFeed(source.url, "returned an empty document. Check the feed URL.");
  }
  switch (detectDocumentType(text, source.contentType)) {
    case "json":
      return { kind: "feed", feed: parseJsonFeed(text, source.url), encoding };
    case "xml":
      return { kind: "feed", feed: await parseXmlFeed(text, source.url), encoding };
    case "html": {
      const feedUrls = discoverFeedLinks(text, source.url);
      if (feedUrls.length > 0) return { kind: "feed-links", feedUrls };
      throw notAFeed(
        source.url,
        'is an HTML page that names no feed (no <link rel="alternate"> of a feed type). Use the address of the site\'s RSS, Atom or JSON feed instead.',
      );
    }
  }
}
