import { randomBytes } from "node:crypto";

/**
 * Highlight tags unique to one reader. Meilisearch wraps matches in these without escaping the
 * content around them; a random marker cannot occur in a document, so after escaping everything
 * only our own markers turn into `<mark>`.
 */
export interface HighlightMarkers {
  readonly pre: string;
  readonly post: string;
}

export function createHighlightMarkers(): HighlightMarkers {
  const nonce = randomBytes(9).toString("hex");
  return { pre: `\u{E000}${nonce}[`, post: `]${nonce}\u{E000}` };
}

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes the whole text as HTML, then turns only our markers into `<mark>` and `</mark>`. */
export function safeHighlight(formatted: string, markers: HighlightMarkers): string {
  return formatted
    .replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character)
    .replaceAll(markers.pre, "<mark>")
    .replaceAll(markers.post, "</mark>");
}
