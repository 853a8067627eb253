// Elements that never hold others, and those a parser closes when a sibling opens (`<p>…<p>`):
// neither makes the open elements pile up, so neither counts.
const UNNESTED = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "option",
  "thead",
  "tbody",
  "tfoot",
]);
const TAG_START = /<(\/?)([A-Za-z][A-Za-z0-9-]*)/g;

/**
 * Whether more than `limit` elements may be open at once in the HTML: start tags less end tags,
 * by name, so an overestimate for sloppy markup, never an underestimate. One linear scan.
 */
export function nestedTooDeep(html: string, limit: number): boolean {
  let depth = 0;
  TAG_START.lastIndex = 0;
  for (let tag = TAG_START.exec(html); tag !== null; tag = TAG_START.exec(html)) {
    if (UNNESTED.has((tag[2] ?? "").toLowerCase())) continue;
    if (tag[1] === "/") depth = Math.max(0, depth - 1);
    else if (++depth > limit) return true;
  }
  return false;
}
