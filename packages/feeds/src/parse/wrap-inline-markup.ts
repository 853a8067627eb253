// Elements whose HTML some feeds write as raw child elements instead of escaped text or CDATA.
// Atom's are the ones typed "xhtml"; RSS's have no type to say so.
const INLINE_MARKUP =
  /(<(description|content:encoded|(?:atom:)?(?:content|summary|title)(?=\s[^>]*\btype=["']xhtml["']))(?:\s[^>]*)?>)([\s\S]*?)(<\/\2>)/g;

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
 * "submitted by  to" plus two links; as CDATA the markup reaches the sanitiser in order.
 */
export function wrapInlineMarkup(xml: string): string {
  // A cheap look first: most feeds escape their HTML or use CDATA, and need no rewriting.
  if (!mayHaveRawMarkup(xml)) return xml;
  return xml.replace(INLINE_MARKUP, (element, open: string, _name, inner: string, close) => {
    // Only raw markup needs it; escaped or CDATA content, which is most of it, is left as it is.
    if (!/<[A-Za-z]/.test(inner) || inner.includes("<![CDATA[")) return element;
    return `${open}<![CDATA[${inner}]]>${close}`;
  });
}
