import { decodeFeedBytes } from "@sightline/feeds";
import iconv from "iconv-lite";
import { test } from "uvu";
import * as assert from "uvu/assert";

const prolog = (charset: string) => `<?xml version="1.0" encoding="${charset}"?>`;

test("a UTF-8 byte-order mark wins over the header and the prolog", () => {
  const bytes = Buffer.concat([
    Buffer.from([0xef, 0xbb, 0xbf]),
    Buffer.from(`${prolog("ISO-8859-1")}<rss>Notícias</rss>`),
  ]);
  const decoded = decodeFeedBytes(bytes, "text/xml; charset=windows-1251");
  assert.is(decoded.source, "bom");
  assert.ok(decoded.text.includes("Notícias"));
  assert.ok(decoded.text.startsWith("<?xml"), "the BOM itself is not part of the text");
});

test("UTF-16 with a byte-order mark, little- and big-endian", () => {
  const text = `${prolog("UTF-16")}<rss>日本語</rss>`;
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, "utf-16le")]);
  const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, "utf-16be")]);
  assert.is(decodeFeedBytes(le).text, text);
  assert.is(decodeFeedBytes(be).text, text);
});

test("the Content-Type charset outranks the XML prolog", () => {
  const bytes = iconv.encode(`${prolog("UTF-8")}<rss>Привет</rss>`, "windows-1251");
  const decoded = decodeFeedBytes(bytes, 'application/rss+xml; charset="windows-1251"');
  assert.is(decoded.source, "content-type");
  assert.ok(decoded.text.includes("Привет"));
});

test("a header claiming UTF-8 over Latin-1 bytes is overruled by the prolog", () => {
  const bytes = iconv.encode(`${prolog("ISO-8859-1")}<rss>Notícias de São Paulo</rss>`, "latin1");
  const decoded = decodeFeedBytes(bytes, "application/rss+xml; charset=utf-8");
  assert.is(decoded.source, "xml-prolog");
  assert.ok(decoded.text.includes("Notícias de São Paulo"), decoded.text);
});

test("a header claiming UTF-8 over undeclared Latin-1 bytes falls back to windows-1252", () => {
  const bytes = iconv.encode("<rss>Café “quoted”</rss>", "windows-1252");
  const decoded = decodeFeedBytes(bytes, "text/xml; charset=UTF-8");
  assert.is(decoded.source, "windows-1252-fallback");
  assert.ok(decoded.text.includes("Café “quoted”"));
});

test("a header claiming Latin-1 over a UTF-8 feed that says so is overruled", () => {
  const bytes = Buffer.from(`${prolog("UTF-8")}<rss>Notícias 日本語</rss>`);
  const decoded = decodeFeedBytes(bytes, "text/xml; charset=ISO-8859-1");
  assert.is(decoded.source, "xml-prolog");
  assert.ok(decoded.text.includes("Notícias 日本語"));
});

test("the XML prolog is used when the header names no charset", () => {
  const bytes = iconv.encode(`${prolog("KOI8-R")}<rss>Привет</rss>`, "koi8-r");
  const decoded = decodeFeedBytes(bytes, "text/xml");
  assert.equal([decoded.source, decoded.charset], ["xml-prolog", "koi8-r"]);
  assert.ok(decoded.text.includes("Привет"));
});

test("an unknown charset label is skipped for the next source", () => {
  const bytes = Buffer.from(`${prolog("UTF-8")}<rss>Notícias</rss>`);
  const decoded = decodeFeedBytes(bytes, "text/xml; charset=x-no-such-charset");
  assert.is(decoded.source, "xml-prolog");
  assert.ok(decoded.text.includes("Notícias"));
});

test("Latin-1 labels decode as windows-1252, so curly quotes survive", () => {
  const bytes = Buffer.from([
    ...Buffer.from("<rss>"),
    0x93,
    0x68,
    0x69,
    0x94,
    ...Buffer.from("</rss>"),
  ]);
  assert.is(decodeFeedBytes(bytes, "text/xml; charset=ISO-8859-1").text, "<rss>“hi”</rss>");
});

test("undeclared valid UTF-8 is read as UTF-8", () => {
  const decoded = decodeFeedBytes(Buffer.from("<rss><title>Zażółć</title></rss>"));
  assert.equal([decoded.source, decoded.charset], ["utf-8", "utf-8"]);
  assert.ok(decoded.text.includes("Zażółć"));
});

test("undeclared bytes that are not UTF-8 fall back to windows-1252, not mojibake", () => {
  const decoded = decodeFeedBytes(
    iconv.encode("<rss><title>Últimas Notícias</title></rss>", "latin1"),
  );
  assert.is(decoded.source, "windows-1252-fallback");
  assert.ok(decoded.text.includes("Últimas Notícias"));
  assert.not.ok(decoded.text.includes("\uFFFD"));
});

test("a prolog claiming UTF-16 on single-byte text is ignored", () => {
  const decoded = decodeFeedBytes(Buffer.from(`${prolog("UTF-16")}<rss>café</rss>`));
  assert.is(decoded.charset, "utf-8");
  assert.ok(decoded.text.includes("café"));
});

test("UTF-16 without a byte-order mark is recognised from the prolog's bytes", () => {
  const text = `${prolog("UTF-16")}<rss>中文</rss>`;
  assert.is(decodeFeedBytes(iconv.encode(text, "utf-16le")).text, text);
});

test("an HTML page's meta charset is honoured", () => {
  const html = '<html><head><meta charset="windows-1251"><title>Новости</title></head></html>';
  assert.ok(decodeFeedBytes(iconv.encode(html, "windows-1251")).text.includes("Новости"));
});

for (const [charset, sample] of [
  ["ISO-8859-2", "Zażółć gęślą jaźń"],
  ["windows-1250", "Příliš žluťoučký kůň"],
  ["windows-1251", "Съешь же ещё этих мягких французских булок"],
  ["KOI8-R", "Широкая электрификация"],
  ["Shift_JIS", "日本語のニュース"],
  ["EUC-JP", "日本語の記事"],
  ["GB2312", "中文新闻标题"],
  ["Big5", "繁體中文新聞"],
  ["EUC-KR", "한국어 뉴스"],
] as const) {
  test(`legacy code page ${charset} decodes from the prolog without mojibake`, () => {
    const bytes = iconv.encode(`${prolog(charset)}<rss><title>${sample}</title></rss>`, charset);
    assert.ok(decodeFeedBytes(bytes).text.includes(`<title>${sample}</title>`));
  });
}

test("characters XML forbids are stripped, lone surrogates too, emoji kept", () => {
  const text = "<rss>a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\uDC00g 😀</rss>";
  assert.is(
    decodeFeedBytes(Buffer.from(text, "utf16le"), "text/xml; charset=utf-16le").text,
    "<rss>abcdefg 😀</rss>",
  );
});

test.run();
