import { decodeHTMLStrict } from "entities";
import { closedSpans } from "./closed-spans.ts";
import { findFeedRoot } from "./find-feed-root.ts";

export interface RepairedXml {
  readonly text: string;
  /** One sentence per kind of repair made; empty when nothing needed repairing. */
  readonly repairs: readonly string[];
}

// CDATA sections and comments are copied verbatim: an `&` there is legal and literal.
const VERBATIM_START = /<!\[CDATA\[|<!--/g;
const VERBATIM_END: Readonly<Record<string, string>> = { "<![CDATA[": "]]>", "<!--": "-->" };
const BARE_AMPERSAND = /&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#x[0-9A-Fa-f]+;)/g;
const NAMED_ENTITY = /&([A-Za-z][A-Za-z0-9]*);/g;
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);
const ATOM_DATE = /<(published|updated)>([^<]*)<\/\1>/g;

function junkBeforeRoot(text: string): { text: string; repairs: string[] } {
  const root = findFeedRoot(text);
  if (root === undefined || text.slice(0, root.start).trim() === "") return { text, repairs: [] };
  const dropped = text.slice(0, root.start).trim().length;
  return {
    text: text.slice(root.start),
    repairs: [`ignored ${dropped} characters of junk before the root element`],
  };
}

function escapeMarkup(markup: string, counts: { bare: number; unknown: number }): string {
  return markup
    .replace(BARE_AMPERSAND, () => {
      counts.bare += 1;
      return "&amp;";
    })
    .replace(NAMED_ENTITY, (entity, name: string) => {
      if (XML_ENTITIES.has(name)) return entity;
      const decoded = decodeHTMLStrict(entity);
      if (decoded !== entity) {
        return [...decoded].map((char) => `&#${char.codePointAt(0)};`).join("");
      }
      counts.unknown += 1;
      return `&amp;${name};`;
    });
}

/**
 * The text split as `split` with a capturing regex would: markup, then a CDATA section or a
 * comment, then markup again, and so on. One never closed is markup, as the regex would leave
 * it; the scan is linear whatever is left open (see `closedSpans`).
 */
function splitVerbatim(text: string): string[] {
  const parts: string[] = [];
  let copied = 0;
  for (const { opener, after } of closedSpans(
    text,
    VERBATIM_START,
    (found) => VERBATIM_END[found[0]] ?? "",
  )) {
    parts.push(text.slice(copied, opener.index), text.slice(opener.index, after));
    copied = after;
  }
  parts.push(text.slice(copied));
  return parts;
}

function ampersands(text: string): { text: string; repairs: string[] } {
  const counts = { bare: 0, unknown: 0 };
  const parts = splitVerbatim(text);
  const repaired = parts.map((part, i) => (i % 2 === 1 ? part : escapeMarkup(part, counts)));
  const repairs: string[] = [];
  if (counts.bare > 0) repairs.push(`escaped ${counts.bare} unescaped '&'`);
  if (counts.unknown > 0) repairs.push(`kept ${counts.unknown} undefined entities as text`);
  return { text: repaired.join(""), repairs };
}

function atomDates(text: string): { text: string; repairs: string[] } {
  let blanked = 0;
  const repaired = text.replace(ATOM_DATE, (element, name: string, value: string) => {
    if (!Number.isNaN(Date.parse(value.trim()))) return element;
    blanked += 1;
    return `<${name}></${name}>`;
  });
  return {
    text: repaired,
    repairs: blanked > 0 ? [`dropped ${blanked} unreadable Atom dates`] : [],
  };
}

/**
 * Mends the breakage real feeds ship with — text before the root element, unescaped `&`,
 * HTML-only or undefined entities, Atom dates JavaScript cannot read — so that one flaw does not
 * cost every item. Only used after a strict parse failed: a valid document is never rewritten.
 */
export function repairXml(text: string): RepairedXml {
  let current = text;
  const repairs: string[] = [];
  for (const repair of [junkBeforeRoot, ampersands, atomDates]) {
    const result = repair(current);
    current = result.text;
    repairs.push(...result.repairs);
  }
  return { text: current, repairs };
}
