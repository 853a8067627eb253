import { decodeXmlText } from "./decode-xml-text.ts";

/**
 * A feed with its item bodies set aside, and the way to put them back into what the parser made
 * of it. See `setBodiesAside`.
 */
export interface BodiesAside {
  /** The document with each body's text replaced by a short placeholder. */
  readonly xml: string;
  /** The bodies as the parser would have read them, by placeholder number. */
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

// Where the scan goes next: a comment, a processing instruction or a CDATA section, stepped over
// whole so that nothing inside them is taken for an element, or the start of a body element
// (group 1 names it). Bodies are the elements whose text goes through the parser unread, only
// copied: RSS's description and content:encoded, Atom's content and summary. Each construct's
// end is then found with indexOf from where it starts, and the scan resumes after it, so no
// character is read twice: a document of unterminated comments or tags costs linear time.
const NEXT = /<!--|<\?|<!\[CDATA\[|<(description|content:encoded|content|summary)(?=[\s/>])/g;
// The rest of a body's start tag; group 1 is "/" if it closes itself. Attribute values cannot
// hold "<" in XML, so this stops at the next tag at the latest.
const START_TAG_REST = /(?:\s[^<>]*?)?(\/?)>/y;
const CDATA_AHEAD = /\s*<!\[CDATA\[/y;
const NON_SPACE = /\S/;
const ENDS: Readonly<Record<string, string>> = { "<!--": "-->", "<?": "?>", "<![CDATA[": "]]>" };
const CDATA_OPEN = "<![CDATA[";
const CDATA_CLOSE = "]]>";
const END_TAGS = new Map<string, RegExp>();

/** The element's end tag right at `at`, after optional whitespace. */
function closesAt(xml: string, at: number, name: string): boolean {
  let end = END_TAGS.get(name);
  if (end === undefined) {
    end = new RegExp(`\\s*</${name}\\s*>`, "y");
    END_TAGS.set(name, end);
  }
  end.lastIndex = at;
  return end.test(xml);
}

/** A body found at the scan's position: the text to replace, and its value once parsed. */
interface Body {
  readonly start: number;
  readonly end: number;
  /** `undefined` when the body stays: too small, not alone in its element, or not decodable. */
  readonly value: string | undefined;
}

/** The body of an element whose content is one CDATA section (`start` is after `<![CDATA[`). */
function cdataBody(xml: string, start: number, name: string): Body | undefined {
  const end = xml.indexOf(CDATA_CLOSE, start);
  if (end === -1) return undefined;
  const after = end + CDATA_CLOSE.length;
  const whole = end - start >= MIN_BODY_LENGTH && closesAt(xml, after, name);
  return {
    start: start - CDATA_OPEN.length,
    end: after,
    value: whole ? xml.slice(start, end) : undefined,
  };
}

/** The body of an element whose content is escaped text (`start` is after its start tag). */
function textBody(xml: string, start: number, name: string): Body | undefined {
  const end = xml.indexOf("<", start);
  if (end === -1) return undefined;
  const text = xml.slice(start, end);
  const whole = text.length >= MIN_BODY_LENGTH && NON_SPACE.test(text) && closesAt(xml, end, name);
  return { start, end, value: whole ? decodeXmlText(text) : undefined };
}

/**
 * Replaces each large body — an element holding one CDATA section or escaped text alone, as in
 * `<description><![CDATA[…]]></description>` or `<description>&lt;p&gt;…</description>` — by a
 * placeholder, and returns `undefined` when there is none. sax reads CDATA and entities one
 * character at a time, and rss-parser makes a snippet of every body with regexes that take
 * quadratic time on text like "a < b" repeated, a snippet nothing reads. With the bodies set
 * aside, parsing a typical blog feed takes about a tenth less time, and a hostile body cannot
 * hold the parser. A document type declaration can define what the scan cannot see, so such
 * documents are left whole.
 */
export function setBodiesAside(xml: string): BodiesAside | undefined {
  if (xml.includes("<!DOCTYPE") || xml.includes(OPEN)) return undefined;
  const parts: string[] = [];
  const bodies: string[] = [];
  let copied = 0;
  NEXT.lastIndex = 0;
  for (let match = NEXT.exec(xml); match !== null; match = NEXT.exec(xml)) {
    const name = match[1];
    if (name === undefined) {
      const closing = ENDS[match[0]] ?? "";
      const end = xml.indexOf(closing, NEXT.lastIndex);
      // Unterminated: the rest of the document is inside it.
      if (end === -1) break;
      NEXT.lastIndex = end + closing.length;
      continue;
    }
    START_TAG_REST.lastIndex = NEXT.lastIndex;
    if (START_TAG_REST.exec(xml)?.[1] !== "") continue;
    CDATA_AHEAD.lastIndex = START_TAG_REST.lastIndex;
    const body = CDATA_AHEAD.test(xml)
      ? cdataBody(xml, CDATA_AHEAD.lastIndex, name)
      : textBody(xml, START_TAG_REST.lastIndex, name);
    if (body === undefined) break;
    NEXT.lastIndex = body.end;
    if (body.value === undefined) continue;
    parts.push(xml.slice(copied, body.start), `${OPEN}${bodies.length}${CLOSE}`);
    bodies.push(body.value);
    copied = body.end;
  }
  if (bodies.length === 0) return undefined;
  parts.push(xml.slice(copied));
  return { xml: parts.join(""), bodies };
}

/**
 * `parsed` (any tree of objects, arrays and strings) with every placeholder replaced by its body,
 * in place. Returns whether every body was found: one that was not sat in an element the parser
 * drops (rss-parser keeps only the fields it knows), as it would have dropped the body itself.
 */
export function putBodiesBack(parsed: unknown, bodies: readonly string[]): boolean {
  const found = new Uint8Array(bodies.length);
  const restore = (text: string): string =>
    text.replace(PLACEHOLDER, (_placeholder, n: string) => {
      found[Number(n)] = 1;
      return bodies[Number(n)] ?? "";
    });
  // A stack, not recursion: a feed may nest elements deeper than the call stack goes.
  const pending: object[] = typeof parsed === "object" && parsed !== null ? [parsed] : [];
  // Only strings that hold a placeholder are written back: most hold none.
  const look = (value: unknown): string | undefined => {
    if (typeof value === "string") return value.includes(OPEN) ? restore(value) : undefined;
    if (typeof value === "object" && value !== null) pending.push(value);
    return undefined;
  };
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        const restored = look(node[i]);
        if (restored !== undefined) node[i] = restored;
      }
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key in record) {
      // xml2js's attributes: a placeholder stands where a CDATA section was, never in a tag.
      if (key === "$") continue;
      const restored = look(record[key]);
      if (restored !== undefined) record[key] = restored;
    }
  }
  return found.every((one) => one === 1);
}
