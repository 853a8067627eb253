// XML 1.0 allows tab, LF, CR and everything from U+0020 except surrogates, U+FFFE and U+FFFF.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is this regex's job
const INVALID_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ANY_SURROGATE = /[\uD800-\uDFFF]/;
// In a `u` regex a surrogate range matches only lone halves (a pair is one code point), so a
// broken pair is removed and cannot reach JSON or Meilisearch.
const LONE_SURROGATE = /[\uD800-\uDFFF]/gu;

/** Removes the characters XML 1.0 forbids, which make strict parsers reject a whole feed. */
export function stripInvalidXmlChars(text: string): string {
  const controlsRemoved = text.replace(INVALID_CHAR, "");
  // The `u` scan is slow on megabytes, so it runs only where surrogates (emoji…) occur at all.
  return ANY_SURROGATE.test(controlsRemoved)
    ? controlsRemoved.replace(LONE_SURROGATE, "")
    : controlsRemoved;
}
