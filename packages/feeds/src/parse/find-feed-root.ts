import type { FeedFormat } from "./parsed-feed.ts";

export interface FeedRoot {
  readonly format: Exclude<FeedFormat, "json">;
  /** Offset of the root's `<`, or of the XML declaration just before it. */
  readonly start: number;
  /** Whether an `<rss>` root lacks its `version` attribute. */
  readonly missingVersion: boolean;
}

// Attribute values cannot hold "<" in XML: reading one no further than the next tag keeps a
// document of a million unclosed "<rss " tags from being searched to its end for each.
const ROOT = /<(rss|feed|(?:[A-Za-z_][\w.-]*:)?RDF)(?=[\s>/])([^<>]*)>/;

/** Finds the feed's root element and where the document proper starts; `undefined` if none. */
export function findFeedRoot(text: string): FeedRoot | undefined {
  const match = ROOT.exec(text);
  if (match === null) return undefined;
  const [, name = "", attributes = ""] = match;
  const declaration = text.lastIndexOf("<?xml", match.index);
  const format = name === "rss" ? "rss" : name === "feed" ? "atom" : "rdf";
  return {
    format,
    start: declaration >= 0 ? declaration : match.index,
    missingVersion: format === "rss" && !/\sversion\s*=/.test(attributes),
  };
}
