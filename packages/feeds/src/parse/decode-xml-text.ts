// What a strict XML parser accepts after "&" in text: the five predefined entities (sax also
// takes them in any case) and character references. Anything else makes it fail.
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#[xX]([0-9A-Fa-f]+));|&/gi;
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
};

/** Whether XML 1.0's `Char` production allows the code point. */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * An element's text as a strict XML parser (sax, under rss-parser) reads it: references to the
 * predefined entities and to characters decoded, nothing else changed. `undefined` when the text
 * holds a reference such a parser rejects, so that the parser itself reports it.
 */
export function decodeXmlText(text: string): string | undefined {
  if (!text.includes("&")) return text;
  let valid = true;
  const decoded = text.replace(
    REFERENCE,
    (reference, name?: string, decimal?: string, hex?: string) => {
      if (name !== undefined) return PREDEFINED[name.toLowerCase()] ?? reference;
      const code =
        decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? "", 16);
      if (decimal === undefined && hex === undefined) valid = false;
      else if (isXmlChar(code)) return String.fromCodePoint(code);
      else valid = false;
      return reference;
    },
  );
  return valid ? decoded : undefined;
}
