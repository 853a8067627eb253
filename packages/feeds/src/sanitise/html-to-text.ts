import { decodeHTML } from "entities";

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
// A tag with its attributes; quoted values may hold ">". "a < b" is text: no letter after "<".
const TAG =
  /<\/?([A-Za-z][^\s/>]*)(?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*\/?>|<![^>]*>/g;

/** The readable text of an HTML fragment: entities decoded, one line per block, spaces collapsed. */
export function htmlToText(html: string): string {
  // Most titles and many summaries hold no markup at all: they only need their spaces collapsed.
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, " ").trim();
  // Line breaks in the source are mere spaces in HTML; only block elements break lines.
  const flat = html.replace(HIDDEN, "").replace(/\s+/g, " ");
  const tagless = flat.replace(TAG, (_tag, name: string | undefined) => {
    const element = name?.toLowerCase() ?? "";
    if (BLOCKS.has(element)) return "\n";
    return CELLS.has(element) ? " " : "";
  });
  return decodeHTML(tagless)
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter((line) => line !== "")
    .join("\n");
}
