import { XMLParser, XMLValidator } from "fast-xml-parser";
import { FeedError } from "../errors.ts";
import { redactUrl } from "../fetch/redact-url.ts";
import { isRecord, listOf, stringOf } from "../parse/xml-value.ts";
import { withoutUndefined } from "../without-undefined.ts";
import type { OpmlDocument, OpmlOutline } from "./opml-document.ts";

const parser = new XMLParser({
  ignoreAttributes: false,
  attributesGroupName: "@",
  attributeNamePrefix: "",
  // Values stay strings: an outline titled "2024" must not turn into a number.
  parseAttributeValue: false,
  parseTagValue: false,
  htmlEntities: true,
  isArray: (name) => name === "outline",
});

function attributesOf(node: unknown): Record<string, string> {
  const group = isRecord(node) ? node["@"] : undefined;
  if (!isRecord(group)) return {};
  return Object.fromEntries(
    Object.entries(group).flatMap(([name, value]) =>
      typeof value === "string" ? [[name, value]] : [],
    ),
  );
}

function outlinesOf(node: unknown): OpmlOutline[] {
  const children = isRecord(node) ? listOf(node.outline) : [];
  return children.map((child) => ({
    attributes: attributesOf(child),
    children: outlinesOf(child),
  }));
}

function headOf(head: unknown): Record<string, string> {
  if (!isRecord(head)) return {};
  return Object.fromEntries(
    Object.entries(head).flatMap(([name, value]) => {
      const text = stringOf(value)?.trim();
      return name === "@" || text === undefined || text === "" ? [] : [[name, text]];
    }),
  );
}

function invalid(source: string | undefined, why: string, cause?: unknown): FeedError {
  const feed = source === undefined ? undefined : redactUrl(source);
  const name = feed === undefined ? "The OPML file" : `The OPML file ${feed}`;
  return new FeedError("INVALID_OPML", `${name} ${why}`, withoutUndefined({ feed, cause }));
}

/**
 * Reads an OPML 1.0/2.0 subscription list. Nested outlines stay nested and every attribute is
 * kept, known or not. `source` (a path or URL) only names the file in errors.
 */
export function parseOpml(text: string, source?: string): OpmlDocument {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw invalid(
      source,
      `is not well-formed XML (${msg} at line ${line}, column ${col}). Re-export it from the reader it came from.`,
      valid.err,
    );
  }
  const parsed: unknown = parser.parse(text);
  const opml = isRecord(parsed) ? parsed.opml : undefined;
  // An empty `<body/>` reads as "": still a (empty) subscription list.
  if (!isRecord(opml) || opml.body === undefined) {
    throw invalid(source, "has no <opml><body>: it is not an OPML subscription list.");
  }
  return {
    version: attributesOf(opml).version ?? "2.0",
    head: headOf(opml.head),
    outlines: outlinesOf(opml.body),
  };
}
