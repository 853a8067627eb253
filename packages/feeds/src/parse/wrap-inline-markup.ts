import { closedSpans } from "./closed-spans.ts";

// Elements whose HTML some feeds write as raw child elements instead of escaped text or CDATA.
// Atom's are the ones typed "xhtml"; RSS's have no type to say so. Attribute values cannot hold
// "<" in XML, so a start tag is read no further than the next tag.
const INLINE_MARKUP_START =
  /<(description|content:encoded|(?:atom:)?(?:content|summary|title)(?=\s[^<>]*\btype=["']xhtml["']))(?:\s[^<>]*)?>/g;

// Two looks, not one alternation: a regex starting at "<" is found fast, and `includes` for the
// rare attribute is far cheaper than trying "\btype=" at every word of a large feed.
const RAW_MARKUP_HINT = /<(?:description|content:encoded)>[^<]*<[A-Za-z]/;
const XHTML_TYPE = /\btype=["']xhtml["']/;

function mayHaveRawMarkup(xml: string): boolean {
  return RAW_MARKUP_HINT.test(xml) || (xml.includes("xhtml") && XHTML_TYPE.test(xml));
}

/**
 * Wraps HTML written as raw child elements in CDATA before parsing. xml2js keeps an element's
 * text and its children apart, so "submitted by <a>x</a> to <a>y</a>" would come back as
 * "submitted by  to" plus two links; as CDATA the markup reaches the sanitiser in order. An
 * element's content runs to the first end tag of its name; the scan is linear whatever is left
 * open (see `closedSpans`).
 */
export function wrapInlineMarkup(xml: string): string {
  // A cheap look first: most feeds escape their HTML or use CDATA, and need no rewriting.
  if (!mayHaveRawMarkup(xml)) return xml;
  const parts: string[] = [];
  let copied = 0;
  for (const { from, end } of closedSpans(xml, INLINE_MARKUP_START, ([, name]) => `</${name}>`)) {
    const inner = xml.slice(from, end);
    // Only raw markup needs it; escaped or CDATA content, which is most of it, is left as it is.
    if (/<[A-Za-z]/.test(inner) && !inner.includes("<![CDATA[")) {
      parts.push(xml.slice(copied, from), `<![CDATA[${inner}]]>`);
      copied = end;
    }
  }
  if (parts.length === 0) return xml;
  parts.push(xml.slice(copied));
  return parts.join("");
}
