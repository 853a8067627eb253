import { isAscii, isUtf8 } from "node:buffer";
import iconv from "iconv-lite";
import { type CharsetSource, type DeclaredCharset, detectCharset } from "./detect-charset.ts";
import { stripInvalidXmlChars } from "./strip-invalid-xml-chars.ts";

export interface DecodedDocument {
  readonly text: string;
  /** The charset the bytes were decoded with. */
  readonly charset: string;
  /**
   * Where it came from: a declaration, "utf-8" when nothing was declared and the bytes are valid
   * UTF-8, or "windows-1252-fallback" when they are not.
   */
  readonly source: CharsetSource | "utf-8" | "windows-1252-fallback";
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
}

function decodeAs(charset: string, bytes: Uint8Array): string {
  // Node's own UTF-8 decoder is the fastest, and replaces invalid sequences like any other.
  if (charset === "utf-8" || charset === "utf8") return asBuffer(bytes).toString("utf8");
  return iconv.decode(asBuffer(bytes), charset, { stripBOM: false });
}

function decodeUndeclared(bytes: Uint8Array): DecodedDocument {
  if (isUtf8(bytes)) return { text: decodeAs("utf-8", bytes), charset: "utf-8", source: "utf-8" };
  // Undeclared bytes that are not UTF-8 are, in practice, a Western legacy page: decoding them
  // as windows-1252 keeps "Notícias" readable where UTF-8 would print replacement characters.
  const text = decodeAs("windows-1252", bytes);
  return { text, charset: "windows-1252", source: "windows-1252-fallback" };
}

/**
 * The charset to decode with. The Content-Type header outranks the document's own declaration,
 * except where the bytes prove the header wrong: a server that labels every response UTF-8 while
 * the feed is ISO-8859-1 (invalid UTF-8), or one that labels a UTF-8 feed as Latin-1.
 */
function chooseCharset(bytes: Uint8Array, contentType?: string): DeclaredCharset | undefined {
  const declared = detectCharset(bytes, contentType);
  if (declared?.source !== "content-type") return declared;
  const own = detectCharset(bytes);
  const utf8 = isUtf8(bytes);
  if (declared.charset === "utf-8" && !utf8) return own;
  if (own?.charset === "utf-8" && utf8 && !isAscii(bytes)) return own;
  return declared;
}

/**
 * Turns a feed's bytes into text: charset from the byte-order mark, the Content-Type header, the
 * XML prolog (or an HTML page's meta tag), else UTF-8; characters XML forbids are removed.
 */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string): DecodedDocument {
  const declared = chooseCharset(bytes, contentType);
  const decoded =
    declared === undefined
      ? decodeUndeclared(bytes)
      : {
          text: decodeAs(declared.charset, bytes.subarray(declared.bomLength)),
          charset: declared.charset,
          source: declared.source,
        };
  return { ...decoded, text: stripInvalidXmlChars(decoded.text) };
}
