const ELLIPSIS = "…";

/** Cuts `text` to at most `max` characters at a word boundary, marking the cut with "…". */
export function truncateOnWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - ELLIPSIS.length + 1);
  const lastBreak = Math.max(room.lastIndexOf(" "), room.lastIndexOf("\n"));
  // A single enormous "word" (a URL, say) is cut hard rather than dropped whole.
  let cut = lastBreak > max / 2 ? room.slice(0, lastBreak) : room.slice(0, -1);
  // Never leave half of a surrogate pair behind.
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
