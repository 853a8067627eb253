import { decodeHTML } from "entities";
import { collapseSpaces, LOOSE_SPACE } from "../collapse-spaces.ts";

// Elements that end a line of text: their words must not run into the next block's.
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "tr",
  "ul",
]);
const CELLS = new Set(["td", "th"]);

// Raw HTML (titles, summaries) is converted unsanitised, so code, chrome and comments go first.
const HIDDEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|noscript|template|head|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
// A tag with its attributes; quoted values may hold ">" and "<". "a < b" is text: no letter after
// "<". Outside quotes a tag holds no "<": an attempt on text that is no tag then stops at the next
// "<" instead of reading on to the end, which made 16,000 "<a b" take seconds.
const TAG =
  /<\/?([A-Za-z][^\s/<>]*)(?:\s+[^\s=/<>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s<>]+))?)*\s*\/?>|<![^<>]*>/g;

function separator(_tag: string, name: string | undefined): string {
  const element = name?.toLowerCase() ?? "";
  if (BLOCKS.has(element)) return "\n";
  return CELLS.has(element) ? " " : "";
}

/** A run of whitespace holding a line feed, a block break, is one; any other run one space. */
function collapseRun(run: string): string {
  return run.includes("\n") ? "\n" : " ";
}

/** The readable text of an HTML fragment: entities decoded, one line per block, spaces collapsed. */
export function htmlToText(html: string): string {
  // Most titles and many summaries hold no markup at all: they only need their spaces collapsed.
  if (!/[<&]/.test(html)) return collapseSpaces(html).trim();
  // Line breaks in the source are mere spaces in HTML; only block elements break lines. Tags are
  // found the same with or without the other spaces collapsed, so that waits for the text.
  const visible = html.replace(HIDDEN, "").replaceAll("\n", " ");
  return decodeHTML(visible.replace(TAG, separator)).replace(LOOSE_SPACE, collapseRun).trim();
}
