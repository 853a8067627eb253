import { findFeedRoot } from "./find-feed-root.ts";

export type DocumentType = "json" | "html" | "xml";

// A comment's text is read up to its first "-->" and no further: with a lazy `[\s\S]*?` instead,
// each comment could also span the next ones, and a document of 40 comments in front of no
// HTML tag took over an hour to reject.
const HTML_START = /^\s*(?:<!--(?:[^-]|-(?!->))*-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]/i;

/** Tells a JSON Feed, an HTML page and an XML feed apart by content, helped by Content-Type. */
export function detectDocumentType(text: string, contentType?: string): DocumentType {
  const mime = contentType?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mime.endsWith("json") || /^\s*[{[]/.test(text)) return "json";
  // A feed root anywhere wins over HTML-looking junk in front of it, which repair drops.
  if (findFeedRoot(text) !== undefined) return "xml";
  return HTML_START.test(text) || mime === "text/html" ? "html" : "xml";
}
