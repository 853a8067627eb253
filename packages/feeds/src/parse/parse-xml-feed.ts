import Parser from "rss-parser";
import { FeedError } from "../errors.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import { findFeedRoot } from "./find-feed-root.ts";
import type { ParsedFeed } from "./parsed-feed.ts";
import { repairXml } from "./repair-xml.ts";
import { putBodiesBack, setBodiesAside } from "./set-bodies-aside.ts";
import { RSS_PARSER_CUSTOM_FIELDS, toParsedFeed } from "./to-parsed-feed.ts";
import { wrapInlineMarkup } from "./wrap-inline-markup.ts";

const ITEM_FIELDS = RSS_PARSER_CUSTOM_FIELDS.item.map((field) => [...field]);

// A fresh parser per document: after a sax error xml2js keeps feeding the rest of the failed
// document into its reset state, which corrupts the next document given to the same parser.
function newParser(): Parser<Record<string, unknown>, Record<string, unknown>> {
  return new Parser({
    // An `<rss>` without a version is read as RSS 2.0 instead of rejected.
    defaultRSS: 2,
    customFields: {
      // rss-parser types custom feed fields as plain names but copies `[from, to, options]`
      // tuples for feeds exactly as for items; the cast widens its declaration to what it takes.
      feed: RSS_PARSER_CUSTOM_FIELDS.feed as unknown as string[],
      item: ITEM_FIELDS,
    },
  });
}

/** sax's "Reason\nLine: 0\nColumn: 12\nChar: x" as one readable clause. */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const [reason = message, line, column] =
    /^([^\n]*)\nLine: (\d+)\nColumn: (\d+)/.exec(message)?.slice(1) ?? [];
  const at = line === undefined ? "" : ` at line ${Number(line) + 1}, column ${column}`;
  return `${reason.replace(/\.$/, "")}${at}`;
}

/**
 * rss-parser's tree of a document, read with its bodies set aside (see `setBodiesAside`) and put
 * back. Raw markup is wrapped (see `wrapInlineMarkup`) after the bodies are set aside: its scans
 * then read a third of a typical feed, and never mistake a body's own text for the feed's
 * elements. A document that fails so is parsed whole, so that its error names its own positions.
 */
async function parseAsideOrWhole(text: string): Promise<unknown> {
  const aside = setBodiesAside(text);
  if (aside !== undefined) {
    const output: unknown = await newParser()
      .parseString(wrapInlineMarkup(aside.xml))
      .catch(() => undefined);
    if (output !== undefined) {
      putBodiesBack(output, aside.bodies);
      return output;
    }
  }
  return newParser().parseString(wrapInlineMarkup(text));
}

async function parseWithRepairs(
  text: string,
): Promise<{ output: unknown; repairs: readonly string[] }> {
  try {
    return { output: await parseAsideOrWhole(text), repairs: [] };
  } catch (strictError) {
    const repaired = repairXml(wrapInlineMarkup(text));
    if (repaired.repairs.length === 0) throw strictError;
    return { output: await parseAsideOrWhole(repaired.text), repairs: repaired.repairs };
  }
}

/**
 * Parses RSS 0.9x/1.0/2.0 and Atom with rss-parser. A document that fails strict parsing is
 * repaired once (see `repairXml`) and parsed again; what still fails gives one UNPARSABLE error.
 */
export async function parseXmlFeed(text: string, feedUrl: string): Promise<ParsedFeed> {
  const feed = redactUrl(feedUrl);
  const root = findFeedRoot(text);
  if (root === undefined) {
    throw new FeedError(
      "NOT_A_FEED",
      `${feed} is not RSS, Atom or JSON Feed: no <rss>, <feed> or <rdf:RDF> element was found. Check that the URL points at the feed itself.`,
      { feed },
    );
  }
  let parsed: { output: unknown; repairs: readonly string[] };
  try {
    parsed = await parseWithRepairs(text);
  } catch (error) {
    throw new FeedError(
      "UNPARSABLE",
      `Could not read the feed ${feed}: its XML is broken (${describe(error)}). The document may be truncated or malformed; its publisher needs to fix it, or re-fetch it if the download was cut short.`,
      { feed, cause: error },
    );
  }
  const warnings = [
    ...(root.missingVersion ? ["the <rss> element has no version; read as RSS 2.0"] : []),
    ...parsed.repairs,
  ];
  return toParsedFeed(parsed.output, root.format, warnings);
}
