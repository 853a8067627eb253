import iconv from "iconv-lite";

/** Where a document's charset came from, strongest first. */
export type CharsetSource = "bom" | "content-type" | "xml-prolog" | "html-meta";

export interface DeclaredCharset {
  /** A label iconv-lite knows, lower-case. */
  readonly charset: string;
  readonly source: CharsetSource;
  /** Bytes of byte-order mark to skip before decoding. */
  readonly bomLength: number;
}

// The WHATWG Encoding Standard decodes these labels as windows-1252: servers that say Latin-1
// routinely send its superset, and the 0x80–0x9F range then holds quotes and dashes, not controls.
const WINDOWS_1252_ALIASES = new Set([
  "ascii",
  "us-ascii",
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "l1",
  "cp819",
]);

/** How far into the document a prolog or `<meta charset>` is looked for. */
const SNIFF_BYTES = 1024;

function supported(label: string | undefined): string | undefined {
  if (label === undefined) return undefined;
  const lower = label.trim().toLowerCase();
  const charset = WINDOWS_1252_ALIASES.has(lower) ? "windows-1252" : lower;
  return iconv.encodingExists(charset) ? charset : undefined;
}

function fromBom(bytes: Uint8Array): DeclaredCharset | undefined {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    return { charset: "utf-8", source: "bom", bomLength: 3 };
  }
  if (a === 0xfe && b === 0xff) return { charset: "utf-16be", source: "bom", bomLength: 2 };
  if (a === 0xff && b === 0xfe) return { charset: "utf-16le", source: "bom", bomLength: 2 };
  return undefined;
}

function fromUtf16Prolog(bytes: Uint8Array): DeclaredCharset | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0x3f && d === 0) {
    return { charset: "utf-16le", source: "xml-prolog", bomLength: 0 };
  }
  if (a === 0 && b === 0x3c && c === 0 && d === 0x3f) {
    return { charset: "utf-16be", source: "xml-prolog", bomLength: 0 };
  }
  return undefined;
}

function declared(label: string | undefined, source: CharsetSource): DeclaredCharset | undefined {
  const charset = supported(label);
  return charset === undefined ? undefined : { charset, source, bomLength: 0 };
}

function fromProlog(head: string): DeclaredCharset | undefined {
  const label = /^\s*<\?xml\s[^>]*?encoding\s*=\s*["']([^"']+)["']/.exec(head)?.[1];
  // The prolog was just read as single bytes, so the document cannot be UTF-16/32 whatever it
  // claims; such claims are a common server mistake and UTF-8 is the honest guess.
  if (label !== undefined && /^utf-?(16|32)/i.test(label)) return undefined;
  return declared(label, "xml-prolog");
}

function fromHtmlMeta(head: string): DeclaredCharset | undefined {
  const label = /<meta\s[^>]*charset\s*=\s*["']?([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
  return declared(label, "html-meta");
}

/**
 * The charset a document declares: byte-order mark, then the Content-Type header, then the XML
 * prolog, then an HTML `<meta charset>`. Undeclared or unknown labels give `undefined`.
 */
export function detectCharset(
  bytes: Uint8Array,
  contentType?: string,
): DeclaredCharset | undefined {
  const bom = fromBom(bytes);
  if (bom !== undefined) return bom;
  const header = /charset\s*=\s*["']?([^"';\s]+)/i.exec(contentType ?? "")?.[1];
  const fromHeader = declared(header, "content-type");
  if (fromHeader !== undefined) return fromHeader;
  const utf16 = fromUtf16Prolog(bytes);
  if (utf16 !== undefined) return utf16;
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset,
    Math.min(bytes.length, SNIFF_BYTES),
  ).toString("latin1");
  return fromProlog(head) ?? fromHtmlMeta(head);
}
