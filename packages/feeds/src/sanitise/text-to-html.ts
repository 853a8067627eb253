import { escapeText } from "entities";

/** Plain text as HTML: escaped, blank lines separating paragraphs, single newlines as `<br>`. */
export function textToHtml(text: string): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeText(paragraph.trim()).replace(/\n/g, "<br>")}</p>`)
    .join("");
}
