/**
 * A feed with its item bodies set aside, and the way to put them back into what the parser made
 * of it. See `setBodiesAside`.
 */
export interface BodiesAside {
  /** The document with each body's CDATA section replaced by a short placeholder. */
  readonly xml: string;
  /** The bodies, by placeholder number. */
  readonly bodies: readonly string[];
}

// Markers a decoded document cannot hold: decoding strips these characters, which XML 1.0
// forbids. A document given with them anyway is left whole.
const OPEN = "\u0001";
const CLOSE = "\u0002";
// biome-ignore lint/suspicious/noControlCharactersInRegex: the markers are control characters
const PLACEHOLDER = /\u0001(\d+)\u0002/g;
/** Smaller bodies cost the parser less than their placeholder's bookkeeping. */
const MIN_BODY_LENGTH = 64;

// What the scan steps over whole, so that nothing inside them is taken for an element: comments,
// processing instructions, CDATA sections of other elements. Or the start of a body element whose
// text opens with a CDATA section (group 1 names it). Bodies are the elements whose text goes
// through the parser unread, only copied: RSS's description and content:encoded, Atom's content
// and summary.
const SCAN =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<(description|content:encoded|content|summary)(?:\s[^>]*)?>\s*<!\[CDATA\[/g;
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";

/** The element's end tag right at `at`, after optional whitespace. */
function closesAt(xml: string, at: number, name: string): boolean {
  const end = new RegExp(`\\s*</${name}\\s*>`, "y");
  end.lastIndex = at;
  return end.test(xml);
}

/**
 * Replaces each large body that is a whole CDATA section (`<description><![CDATA[…]]></description>`)
 * by a placeholder, and returns `undefined` when there is none. sax reads CDATA one character at a
 * time and rss-parser computes a snippet of every body that is then thrown away; with the bodies
 * set aside, parsing a typical blog feed takes about a tenth less time. A document type
 * declaration can define what the scan cannot see, so such documents are left whole.
 */
export function setBodiesAside(xml: string): BodiesAside | undefined {
  if (!xml.includes(CDATA_OPEN) || xml.includes("<!DOCTYPE") || xml.includes(OPEN)) {
    return undefined;
  }
  const parts: string[] = [];
  const bodies: string[] = [];
  let copied = 0;
  SCAN.lastIndex = 0;
  for (let match = SCAN.exec(xml); match !== null; match = SCAN.exec(xml)) {
    const name = match[1];
    if (name === undefined || match[0].at(-CDATA_OPEN.length - 1) === "/") continue;
    const start = SCAN.lastIndex;
    const end = xml.indexOf(CDATA_CLOSE, start);
    if (end === -1) break;
    SCAN.lastIndex = end + CDATA_CLOSE.length;
    if (end - start < MIN_BODY_LENGTH || !closesAt(xml, SCAN.lastIndex, name)) continue;
    parts.push(xml.slice(copied, start - CDATA_OPEN.length), `${OPEN}${bodies.length}${CLOSE}`);
    bodies.push(xml.slice(start, end));
    copied = SCAN.lastIndex;
  }
  if (bodies.length === 0) return undefined;
  parts.push(xml.slice(copied));
  return { xml: parts.join(""), bodies };
}

/**
 * `parsed` (any tree of objects, arrays and strings) with every placeholder replaced by its body,
 * in place, or `false` when some body was not found: the parser dropped or split one, so the
 * document must be parsed whole instead.
 */
export function putBodiesBack(parsed: unknown, bodies: readonly string[]): boolean {
  const found = new Uint8Array(bodies.length);
  const restore = (text: string): string =>
    text.replace(PLACEHOLDER, (_placeholder, n: string) => {
      found[Number(n)] = 1;
      return bodies[Number(n)] ?? "";
    });
  // Only strings that hold a placeholder are written back: most hold none.
  const visit = (node: object): void => {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const value: unknown = node[i];
        if (typeof value === "string") {
          if (value.includes(OPEN)) node[i] = restore(value);
        } else if (typeof value === "object" && value !== null) visit(value);
      }
      return;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      // xml2js's attributes: a placeholder stands where a CDATA section was, never in a tag.
      if (key === "$") continue;
      const value = record[key];
      if (typeof value === "string") {
        if (value.includes(OPEN)) record[key] = restore(value);
      } else if (typeof value === "object" && value !== null) visit(value);
    }
  };
  if (typeof parsed === "object" && parsed !== null) visit(parsed);
  return found.every((one) => one === 1);
}
